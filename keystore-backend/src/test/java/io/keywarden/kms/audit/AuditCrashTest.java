package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM killed with SIGKILL during a stream of CreateKey and TagResource calls leaves, for
 * each change, both the change and its audit event or neither.
 */
class AuditCrashTest {

    @TempDir
    Path dir;

    @Test
    void killedChildLeavesEachChangeWithItsEventOrNeither() throws Exception {
        Path storeDir = dir.resolve("store");
        Path keyFile = storeDir.resolve("root.key");
        SqliteKmsStore.open(storeDir, RootKeySource.keyFile(keyFile)).close();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), AuditCrashMain.class.getName(), storeDir.toString(),
                keyFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = child.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
        });
        pump.setDaemon(true);
        pump.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (lines(out).stream().filter(l -> l.startsWith("tagged")).count() < 8
                && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL on Unix
        child.waitFor();
        pump.join(10_000);
        List<String> acknowledged = lines(out);
        assertThat(acknowledged).filteredOn(l -> l.startsWith("tagged")).hasSizeGreaterThanOrEqualTo(8);

        try (SqliteKmsStore store = SqliteKmsStore.open(storeDir, RootKeySource.keyFile(keyFile))) {
            Set<String> keys = new HashSet<>();
            Set<String> tagged = new HashSet<>();
            for (KeyRecord k : store.read(tx -> tx.listKeys(null, 100_000))) {
                keys.add(k.keyId());
                if (!k.tags().isEmpty()) {
                    tagged.add(k.keyId());
                }
            }
            Set<String> createEvents = new HashSet<>();
            Set<String> tagEvents = new HashSet<>();
            AuditTrail.list(store, new AuditTrail.Filter(null, null, null, null, null, false), e -> {
                JsonNode j = CanonicalJson.read(e);
                if (!j.path("errorCode").isMissingNode()) {
                    return;
                }
                if (j.path("eventName").asText().equals("CreateKey")) {
                    createEvents.add(j.path("responseElements").path("keyMetadata").path("keyId").asText());
                } else if (j.path("eventName").asText().equals("TagResource")) {
                    tagEvents.add(j.path("requestParameters").path("keyId").asText());
                }
            });
            assertThat(createEvents).isEqualTo(keys);
            assertThat(tagEvents).isEqualTo(tagged);
            for (String l : acknowledged) {
                if (l.startsWith("created ")) {
                    assertThat(keys).contains(l.substring(8));
                } else if (l.startsWith("tagged ")) {
                    assertThat(tagged).contains(l.substring(7));
                }
            }
            assertThat(AuditTrail.verify(store, null)).noneMatch(AuditFinding::isTampering);
        }
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        int end = text.lastIndexOf('\n');
        return end < 0 ? new ArrayList<>() : new ArrayList<>(List.of(text.substring(0, end).split("\n")));
    }
}
