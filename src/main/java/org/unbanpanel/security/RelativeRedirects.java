package org.unbanpanel.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect the panel sends is a path on the panel itself, never a URL built from the request's {@code Host}
 * header, which the client chooses. Spring Security builds some redirects as absolute URLs from that header (the page
 * asked for before signing in, the sign-in page), and Tomcat makes every relative one absolute the same way for an
 * HTTP/1.0 request; here each becomes its path, query and fragment, and the {@code Location} header is set as it is.
 * The panel never sends anyone to another site, so no absolute redirect is lost.
 */
final class RelativeRedirects extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {
			@Override
			public void sendRedirect(String location) throws IOException {
				resetBuffer();
				setStatus(HttpStatus.FOUND.value());
				setHeader(HttpHeaders.LOCATION, relative(location));
				flushBuffer();
			}
		});
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The location without scheme and authority: {@code http://evil.example/login?x} becomes {@code /login?x}. */
	static String relative(String location) {
		try {
			URI uri = new URI(location);
			if (uri.getRawAuthority() == null && uri.getScheme() == null) {
				return location;
			}
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
					+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
		}
		catch (URISyntaxException ex) {
			return "/";
		}
	}

}
