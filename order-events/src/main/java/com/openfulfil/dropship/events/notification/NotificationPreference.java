package com.openfulfil.dropship.events.notification;

import com.openfulfil.dropship.events.Event;

/** What customers asked of the messages themselves ({@code notifications.sms-opt-outs}, keyed by phone number). */
public sealed interface NotificationPreference extends Event permits SmsOptOutChanged {
}
