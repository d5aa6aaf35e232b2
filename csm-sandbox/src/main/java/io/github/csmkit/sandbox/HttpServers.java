package io.github.csmkit.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts and stops the JDK's HTTP server with the sandbox's own daemon threads. */
final class HttpServers {
  static {
    // read once, when the JDK's HTTP server is first used: without it small answers wait on Nagle
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private HttpServers() {}

  static HttpServer start(String host, int port, int threads, HttpHandler handler)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
    AtomicInteger n = new AtomicInteger();
    server.setExecutor(
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "csm-sandbox-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            }));
    server.createContext("/", handler);
    server.start();
    return server;
  }

  /** Stops at once and releases the threads, waiting up to a second for them. */
  static void stop(HttpServer server) {
    server.stop(0);
    ExecutorService executor = (ExecutorService) server.getExecutor();
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
