package org.unbanpanel.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP written by hand over a socket, for what {@link java.net.http.HttpClient} will not send: a {@code Host} header
 * of the test's choice, and HTTP/1.0. Each request is on a connection of its own, closed after the answer.
 */
public final class RawHttp {

	/** An answer; header names in lower case. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public Optional<String> header(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
		}

		/** The value of a cookie this answer sets, such as {@code JSESSIONID}. */
		public Optional<String> cookie(String name) {
			return headers.getOrDefault("set-cookie", List.of())
				.stream()
				.filter(cookie -> cookie.startsWith(name + "="))
				.map(cookie -> cookie.substring(name.length() + 1).split(";", 2)[0])
				.findFirst();
		}

	}

	private RawHttp() {
	}

	/**
	 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
	 * @param headers sent as given, after the request line; {@code Connection: close} is added
	 * @param body a form body, or {@code null}
	 */
	public static Response send(int port, String method, String path, String version, Map<String, String> headers,
			String body) {
		StringBuilder request = new StringBuilder(method + " " + path + " " + version + "\r\n");
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Connection", "close");
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		if (body != null) {
			all.put("Content-Type", "application/x-www-form-urlencoded");
			all.put("Content-Length", Integer.toString(content.length));
		}
		all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Response parse(byte[] answer) throws IOException {
		String text = new String(answer, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		byte[] rest = Arrays.copyOfRange(answer, end + 4, answer.length);
		boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
		byte[] body = chunked ? unchunk(rest) : rest;
		return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] chunked) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		InputStream in = new ByteArrayInputStream(chunked);
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
				size.append((char) c);
			}
			int length = Integer.parseInt(size.toString().strip().split(";")[0], 16);
			if (length == 0) {
				return body.toByteArray();
			}
			body.write(in.readNBytes(length));
			in.readNBytes(2);
		}
	}

}
