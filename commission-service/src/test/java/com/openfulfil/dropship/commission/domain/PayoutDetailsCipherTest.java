package com.openfulfil.dropship.commission.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayoutDetailsCipherTest {
    private static final String KEY = "S1V9rdaA20YOI5W74QYF+39olosY1V8fn5H5sacPh5w=";
    private static final String NEW_KEY = "q2Jk0Vt9m4b3Zl1a8YwEJH0cQ1lTf0uU9m2oXn3pR7s=";
    private static final String DETAILS = "Vietcombank 0123456789 Nguyễn Thị Lan";

    private final PayoutDetailsCipher cipher = new PayoutDetailsCipher(KEY, List.of());

    @Test
    void sealedDetailsOpenForTheirPartnerAndHoldNoneOfTheText() {
        PayoutDetailsCipher.Sealed sealed = cipher.seal("partner-lan", DETAILS);

        assertThat(cipher.open("partner-lan", sealed.keyId(), sealed.sealed())).isEqualTo(DETAILS);
        String bytes = new String(Base64.getDecoder().decode(sealed.sealed()), StandardCharsets.ISO_8859_1);
        assertThat(sealed.sealed() + bytes).doesNotContain("0123456789", "6789", "Vietcombank");
    }

    @Test
    void theSameDetailsSealTwiceToDifferentBytes() {
        assertThat(cipher.seal("partner-lan", DETAILS).sealed()).isNotEqualTo(cipher.seal("partner-lan", DETAILS).sealed());
    }

    @Test
    void detailsMovedToAnotherPartnerOrAlteredDoNotOpen() {
        PayoutDetailsCipher.Sealed sealed = cipher.seal("partner-lan", DETAILS);
        byte[] altered = Base64.getDecoder().decode(sealed.sealed());
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open("partner-bao", sealed.keyId(), sealed.sealed()))
                .isInstanceOf(PayoutDetailsCipher.UnreadableException.class).hasMessageNotContaining("0123456789");
        assertThatThrownBy(() -> cipher.open("partner-lan", sealed.keyId(), Base64.getEncoder().encodeToString(altered)))
                .isInstanceOf(PayoutDetailsCipher.UnreadableException.class);
    }

    @Test
    void afterARotationNewDetailsUseTheNewKeyAndOldOnesStillOpen() {
        PayoutDetailsCipher.Sealed old = cipher.seal("partner-lan", DETAILS);
        PayoutDetailsCipher rotated = new PayoutDetailsCipher(NEW_KEY, List.of(KEY));
        PayoutDetailsCipher.Sealed fresh = rotated.seal("partner-lan", "ACB 9876543210");

        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
        assertThat(rotated.open("partner-lan", old.keyId(), old.sealed())).isEqualTo(DETAILS);
        assertThatThrownBy(() -> cipher.open("partner-lan", fresh.keyId(), fresh.sealed()))
                .isInstanceOf(PayoutDetailsCipher.UnreadableException.class).hasMessageContaining(fresh.keyId());
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new PayoutDetailsCipher("c2hvcnQ=", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> new PayoutDetailsCipher("not base64!", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not base64!");
    }
}
