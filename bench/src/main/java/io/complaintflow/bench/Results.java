package io.complaintflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The figures of one run: printed as they come, and written to bench/results/ as a Markdown table. */
final class Results {
    record Row(String database, String measure, String figure, String target, String ratio) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String database, String measure, String figure, String target, String ratio) {
        Row row = new Row(database, measure, figure, target, ratio == null ? "" : ratio);
        rows.add(row);
        System.out.printf("%-10s | %-58s | %-32s | %-22s | %s%n", database, measure, figure, target, row.ratio());
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    Path write(String scale) throws IOException {
        StringBuilder md = new StringBuilder("# ComplaintFlow benchmark, scale ").append(scale).append(", ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / 1024 / 1024).append(" MiB\n\n")
                .append("| database | measure | figure | target | ratio to the bare engine |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.database()).append(" | ").append(r.measure()).append(" | ").append(r.figure())
                    .append(" | ").append(r.target()).append(" | ").append(r.ratio()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Path dir = Path.of("results");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + scale + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".md");
        Files.writeString(file, md);
        return file;
    }
}
