package org.pollwatch.web;

/** Threads for the chart work done ahead of readers (warm-up, precomputing). */
final class BackgroundThreads {

    private BackgroundThreads() {}

    /**
     * A daemon thread below the request threads' priority: on a busy machine readers and writers come
     * first, and the thread never keeps the service from stopping.
     */
    static Thread lowPriority(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }
}
