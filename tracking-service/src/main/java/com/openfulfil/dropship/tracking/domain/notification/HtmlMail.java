package com.openfulfil.dropship.tracking.domain.notification;

/**
 * The HTML part of a customer e-mail, made from its plain text: the store's logo and name on top,
 * the text's paragraphs, its link as a link, the store's name again at the foot. Everything from the
 * order (names, references, notes) is escaped; styles are inline, as mail clients need them.
 */
final class HtmlMail {
    private HtmlMail() {
    }

    static String of(String language, Branding.Store store, String subject, String text, String link) {
        StringBuilder html = new StringBuilder(1024 + text.length() * 2);
        html.append("<!DOCTYPE html><html lang=\"").append(escape(language)).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>").append(escape(subject))
                .append("</title></head><body style=\"margin:0;padding:0;background:#f4f4f5;")
                .append("font-family:Arial,Helvetica,sans-serif;color:#18181b\">")
                .append("<div style=\"max-width:560px;margin:0 auto;padding:24px;background:#ffffff\">")
                .append("<div style=\"padding-bottom:16px;border-bottom:1px solid #e4e4e7\">");
        if (store.logoUrl() != null) {
            html.append("<img src=\"").append(escape(store.logoUrl())).append("\" alt=\"").append(escape(store.name()))
                    .append("\" height=\"40\" style=\"vertical-align:middle;margin-right:12px\">");
        }
        html.append("<strong style=\"font-size:18px;vertical-align:middle\">").append(escape(store.name()))
                .append("</strong></div>");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p style=\"font-size:15px;line-height:1.5\">")
                    .append(linked(escape(paragraph).replace("\n", "<br>"), link)).append("</p>");
        }
        html.append("<p style=\"font-size:12px;color:#71717a;border-top:1px solid #e4e4e7;padding-top:12px\">")
                .append(escape(store.name())).append("</p></div></body></html>");
        return html.toString();
    }

    private static String linked(String escaped, String link) {
        if (link == null || link.isEmpty()) {
            return escaped;
        }
        String target = escape(link);
        return escaped.replace(target, "<a href=\"" + target + "\" style=\"color:#2563eb\">" + target + "</a>");
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
