package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path of 'distprop data fetch cifar10', against a local HTTP server. */
class CifarFetchTest {
    @TempDir
    Path tmp;

    @Test
    void md5MismatchIsAClearErrorAndInstallsNothing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = "not the CIFAR-10 archive".getBytes();
        server.createContext("/cifar-10-binary.tar.gz", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cifar-10-binary.tar.gz");
            DataException e = assertThrows(DataException.class, () -> Cifar10.fetch(tmp, url, Cifar10.ARCHIVE_MD5));
            assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains(Cifar10.ARCHIVE_MD5), e.getMessage());
            assertTrue(e.getMessage().contains("offline options"), e.getMessage());
            assertFalse(Files.exists(Cifar10.dir(tmp).resolve(Cifar10.BATCHES_DIR)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableNetworkSaysSoAndNamesTheOfflineOptions() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/cifar-10-binary.tar.gz");
        DataException e = assertThrows(DataException.class, () -> Cifar10.fetch(tmp, url, Cifar10.ARCHIVE_MD5));
        assertTrue(e.getMessage().contains("cannot download") && e.getMessage().contains("--cifar-dir")
                && e.getMessage().contains(Cifar10.ZIP_NAME), e.getMessage());
    }
}
