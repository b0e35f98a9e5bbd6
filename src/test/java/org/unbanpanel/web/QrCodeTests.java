package org.unbanpanel.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

	private static final int SCALE = 4;

	@Test
	void theSvgReadsBackAsTheEnrolmentLink() throws Exception {
		String link = "otpauth://totp/Unban%20Panel:alice?secret=JBSWY3DPEHPK3PXP&issuer=Unban%20Panel";

		String uri = QrCode.svgDataUri(link);

		assertThat(uri).startsWith("data:image/svg+xml;base64,");
		String svg = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
		assertThat(svg).doesNotContain("<script");
		assertThat(new QRCodeReader().decode(bitmap(svg)).getText()).isEqualTo(link);
	}

	/** Draws the SVG's unit squares ({@code M x y h1v1h-1z}) into a grey-scale picture, as a camera would see it. */
	private static BinaryBitmap bitmap(String svg) {
		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		int width = Integer.parseInt(box.group(1)) * SCALE;
		int height = Integer.parseInt(box.group(2)) * SCALE;
		int[] pixels = new int[width * height];
		Arrays.fill(pixels, 0xffffff);
		Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (square.find()) {
			int x = Integer.parseInt(square.group(1)) * SCALE;
			int y = Integer.parseInt(square.group(2)) * SCALE;
			for (int dy = 0; dy < SCALE; dy++) {
				Arrays.fill(pixels, (y + dy) * width + x, (y + dy) * width + x + SCALE, 0);
			}
		}
		return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
	}

}
