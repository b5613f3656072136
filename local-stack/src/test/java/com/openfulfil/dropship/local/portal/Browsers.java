package com.openfulfil.dropship.local.portal;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium through its ChromeDriver, with a fresh profile and no calls to the
 * outside world (this machine's network is closed). A missing browser fails the test, never skips it.
 */
final class Browsers {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** @param acceptLanguages the browser's languages, e.g. {@code vi-VN,vi}; null for Chromium's own */
    static WebDriver headlessChromium(String name, String acceptLanguages) throws IOException {
        assertThat(CHROMIUM).as("Chromium (Debian package chromium)").exists();
        assertThat(CHROMEDRIVER).as("ChromeDriver (Debian package chromium-driver)").exists();
        Path profile = Files.createTempDirectory(name + "-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1300,1100",
                "--user-data-dir=" + profile.toAbsolutePath());
        if (acceptLanguages != null) {
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        }
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
    }

    /**
     * A wait on {@code browser} that looks again when an element it found goes stale: every page of the
     * console and the portals posts its forms and redirects, so an element read while the browser
     * leaves its page belongs to a page that is gone.
     */
    static FluentWait<WebDriver> waitOn(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class);
    }
}
