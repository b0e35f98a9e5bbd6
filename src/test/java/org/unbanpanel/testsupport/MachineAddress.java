package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * An address of this machine that is not loopback: a client connecting to it reaches the machine as a client from
 * elsewhere would, and is seen by the server as coming from that address, not from 127.0.0.1.
 */
public final class MachineAddress {

	private MachineAddress() {
	}

	/** The first IPv4 address of an interface that is up and not loopback; skips (fails under CI) without one. */
	public static InetAddress nonLoopback() {
		try {
			for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (face.isUp() && !face.isLoopback()) {
					for (InetAddress address : Collections.list(face.getInetAddresses())) {
						if (address instanceof Inet4Address) {
							return address;
						}
					}
				}
			}
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
		String message = "this machine has no IPv4 address besides loopback";
		if (SystemTools.underCi()) {
			Assertions.fail(message);
		}
		Assumptions.abort(message);
		return null;
	}

	/** Whether a TCP connection to the address and port is accepted. */
	public static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
