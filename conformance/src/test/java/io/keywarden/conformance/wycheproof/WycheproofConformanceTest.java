package io.keywarden.conformance.wycheproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs every Wycheproof file of {@code -Dwycheproof.dir} through the provider on managed keys, writes
 * {@code target/wycheproof-report.json}, prints one line per file, and fails on any failed case.
 */
class WycheproofConformanceTest {

    @Test
    void everyVectorPassesOrIsNotApplicableWithAReason() throws Exception {
        Path dir = WycheproofRunner.resolveDir(System.getProperty("wycheproof.dir"));
        assertThat(dir).as("the Wycheproof vector directory (-Dwycheproof.dir)").isDirectory();
        Report report = WycheproofRunner.run(dir);
        Path target = Path.of(System.getProperty("wycheproof.report", "target/wycheproof-report.json"));
        report.writeJson(target);
        report.files().forEach(f -> System.out.println(f.summaryLine()));
        System.out.println(report.totalLine());

        assertThat(target).isRegularFile();
        try (var s = Files.list(dir)) {
            assertThat(report.files()).hasSize((int) s.filter(p -> p.toString().endsWith(".json")).count());
        }
        String failures = report.files().stream().filter(FileReport::failed)
                .map(f -> f.summaryLine() + "\n" + f.outcomes().stream()
                        .filter(o -> o.status() == CaseOutcome.Status.FAILED).limit(20)
                        .map(o -> "   tcId " + o.tcId() + " " + o.expected() + " " + o.flags() + ": " + o.detail())
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("failed files").isEmpty();
        assertThat(report.total(CaseOutcome.Status.PASSED)).as("cases that ran on managed keys").isPositive();
    }
}
