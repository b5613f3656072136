package com.openfulfil.dropship.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void readsTheCommandAndItsOptions() {
        Options options = Options.parse(List.of("demo", "--data-dir", "/tmp/x", "--fresh", "--orders", "50",
                "--sim-delay-ms", "100"));

        assertThat(options).isEqualTo(new Options("demo", Path.of("/tmp/x"), true, 50, Duration.ofMillis(100), null));
    }

    @Test
    void defaultsToTheDataFolderAnd300Orders() {
        Options options = Options.parse(List.of("up"));

        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThat(options.fresh()).isFalse();
        assertThat(options.orders()).isEqualTo(300);
    }

    @Test
    void upLeavesOneDemoSupplierToThePortalAndDemoNone() {
        assertThat(Options.parse(List.of("up")).portalSuppliers()).containsExactly("lyon-linen");
        assertThat(Options.parse(List.of("demo")).portalSuppliers()).isEmpty();
        assertThat(Options.parse(List.of("demo", "--portal-supplier", "hanoi-crafts")).portalSuppliers())
                .isEqualTo(Set.of("hanoi-crafts"));
        assertThat(Options.parse(List.of("up", "--portal-supplier", "none")).portalSuppliers()).isEmpty();
        assertThatThrownBy(() -> Options.parse(List.of("up", "--portal-supplier", "acme")))
                .hasMessageContaining("shenzhen-gadgets, hanoi-crafts, lyon-linen or none");
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> Options.parse(List.of("up", "--frsh"))).hasMessageContaining("--frsh");
        assertThatThrownBy(() -> Options.parse(List.of("demo", "--orders", "-3"))).hasMessageContaining("--orders");
        assertThatThrownBy(() -> Options.parse(List.of("up", "--data-dir"))).hasMessageContaining("needs a value");
    }

    @Test
    void freshWipesOnlyAFolderThisToolCreated(@TempDir Path dir) throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.txt"), "precious");
        Path ours = Files.createDirectories(dir.resolve("ours/kafka"));
        Files.writeString(dir.resolve("ours").resolve(LocalStack.DATA_MARKER), "");

        assertThatThrownBy(() -> Dropship.wipe(foreign)).hasMessageContaining("not wiping");
        Dropship.wipe(ours.getParent());

        assertThat(foreign.resolve("thesis.txt")).exists();
        assertThat(dir.resolve("ours")).doesNotExist();
    }
}
