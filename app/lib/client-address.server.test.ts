import { describe, expect, it } from "vitest";
import { clientAddressOf, isLoopback, socketAddressOf } from "./client-address.server.ts";

describe("client addresses", () => {
  it("counts the whole 127.0.0.0/8 range and ::1 as this machine, in either IP spelling", () => {
    for (const local of ["127.0.0.1", "127.0.0.2", "127.255.0.9", "::1", "::ffff:127.0.0.1", "::FFFF:127.0.0.3"]) {
      expect(isLoopback(local), local).toBe(true);
    }
  });

  it("counts every other address, and anything unreadable, as another machine", () => {
    for (const remote of ["192.0.2.2", "10.0.0.1", "::ffff:192.0.2.2", "fd00::2", "fe80::1", "128.0.0.1", "127.0.0.1.example", "unknown", "", "1.127.0.0.1"]) {
      expect(isLoopback(remote), remote).toBe(false);
    }
  });

  it("reads each address from the load context, and 'unknown' when the server gave none", () => {
    const context = { clientAddress: "198.51.100.7", socketAddress: "127.0.0.1" };
    expect(clientAddressOf(context)).toBe("198.51.100.7");
    expect(socketAddressOf(context)).toBe("127.0.0.1");
    expect(socketAddressOf({ clientAddress: "127.0.0.1" })).toBe("unknown");
    expect(clientAddressOf(undefined)).toBe("unknown");
  });

  it("spells an IPv4 client the same whether it came as ::ffff:a.b.c.d or a.b.c.d", () => {
    expect(clientAddressOf({ clientAddress: "::ffff:192.0.2.2" })).toBe("192.0.2.2");
    expect(socketAddressOf({ socketAddress: "::FFFF:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddressOf({ clientAddress: "2001:DB8::1" })).toBe("2001:db8::1");
    expect(clientAddressOf({ clientAddress: "::ffff:c000:202" })).toBe("::ffff:c000:202");
  });
});
