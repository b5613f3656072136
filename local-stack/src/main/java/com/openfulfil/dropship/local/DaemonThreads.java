package com.openfulfil.dropship.local;

import java.util.concurrent.ThreadFactory;

/** Threads of the harness that must not keep the JVM alive once the command is done. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** A factory of daemon threads, each with this name. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
