/**
 * Where a webhook may be sent: the URL's form, and its address in every spelling a resolver or the URL
 * parser accepts (rules/webhook-url.ts); then the check with a real resolver (services/webhook-address.ts).
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLocalhostName, isPrivateAddress, judgeWebhookUrl, parseIPv4, parseIPv6, parseWebhookUrl } from '../src/rules/webhook-url.ts';
import { checkWebhookAddress } from '../src/services/webhook-address.ts';

describe('a webhook URL form', () => {
  it('takes http: and https: URLs with a host', () => {
    for (const url of ['https://hooks.example.com/tablebook', 'http://93.184.216.34:8080/x?y=1', 'https://[2606:4700::1111]/']) {
      expect(parseWebhookUrl(url).ok, url).toBe(true);
    }
  });

  it('refuses other schemes, user info, no host and what is no URL', () => {
    expect(parseWebhookUrl('ftp://example.com/')).toEqual({ ok: false, why: 'webhook_url_scheme' });
    expect(parseWebhookUrl('file:///etc/passwd')).toEqual({ ok: false, why: 'webhook_url_scheme' });
    expect(parseWebhookUrl('javascript:alert(1)')).toEqual({ ok: false, why: 'webhook_url_scheme' });
    expect(parseWebhookUrl('gopher://example.com/')).toEqual({ ok: false, why: 'webhook_url_scheme' });
    expect(parseWebhookUrl('https://user:pass@example.com/')).toEqual({ ok: false, why: 'webhook_url_userinfo' });
    expect(parseWebhookUrl('https://user@example.com/')).toEqual({ ok: false, why: 'webhook_url_userinfo' });
    expect(parseWebhookUrl('not a url')).toEqual({ ok: false, why: 'webhook_url_invalid' });
    expect(parseWebhookUrl('/relative/path')).toEqual({ ok: false, why: 'webhook_url_invalid' });
    expect(parseWebhookUrl('http://1.2.3.4.5/')).toEqual({ ok: false, why: 'webhook_url_invalid' });
    expect(parseWebhookUrl('http://./')).toEqual({ ok: false, why: 'webhook_url_host' });
  });

  it('refuses loopback in every spelling (the URL parser reads IPv4 as resolvers do)', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://127.1/',
      'http://017700000001/',
      'http://0177.0.0.1/',
      'http://localhost./',
      'http://LOCALHOST/',
      'http://api.localhost/',
      'http://[::1]/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://[::]/',
      'http://0.0.0.0/',
      'http://0/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[2002:7f00:1::]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
    ]) {
      expect(judgeWebhookUrl(url, { allowPrivate: false }), url).toEqual({ ok: false, why: 'webhook_url_private' });
      expect(judgeWebhookUrl(url, { allowPrivate: true }).ok, url).toBe(true);
    }
  });

  it('leaves a name to be resolved, and an address or localhost not', () => {
    expect(judgeWebhookUrl('https://hooks.example.com/', { allowPrivate: false })).toMatchObject({
      ok: true,
      host: 'hooks.example.com',
      needsLookup: true,
    });
    expect(judgeWebhookUrl('https://hooks.example.com./', { allowPrivate: false })).toMatchObject({ host: 'hooks.example.com' });
    expect(judgeWebhookUrl('http://8.8.8.8/', { allowPrivate: false })).toMatchObject({ ok: true, needsLookup: false });
    expect(judgeWebhookUrl('http://localhost:3000/', { allowPrivate: true })).toMatchObject({ ok: true, needsLookup: false });
  });
});

describe('a private address', () => {
  it('is each IPv4 range that is not the public internet', () => {
    for (const ip of [
      '0.0.0.0',
      '0.1.2.3',
      '10.0.0.1',
      '10.255.255.255',
      '100.64.0.1',
      '100.127.255.255',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '192.0.0.8',
      '198.18.0.1',
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });

  it('is not a public IPv4 address, including the neighbours of the ranges', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '9.255.255.255',
      '11.0.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '192.167.255.255',
      '192.169.0.0',
      '169.253.255.255',
      '223.255.255.255',
      '93.184.216.34',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it('is each IPv6 range that is not the public internet, and an IPv4 one carried inside', () => {
    for (const ip of [
      '::',
      '::1',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::FFFF:10.1.2.3',
      '::ffff:192.168.0.1',
      '::ffff:169.254.169.254',
      '::ffff:0:10.0.0.1',
      '::10.0.0.1',
      '64:ff9b::10.0.0.1',
      '2002:c0a8:0101::1',
      'fe80::1',
      'fe80::1%eth0',
      'febf:ffff::1',
      'fc00::1',
      'fd12:3456:789a::1',
      'ff02::1',
      'ff05::1:3',
      '2001:db8::1',
      '[::1]',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });

  it('is not a public IPv6 address, nor a mapped public IPv4 one', () => {
    for (const ip of [
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
      '2002:0808:0808::1',
      'fbff::1',
      '2400:cb00::1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it('is a localhost name; another name is judged by what it resolves to', () => {
    expect(isPrivateAddress('localhost')).toBe(true);
    expect(isPrivateAddress('localhost.')).toBe(true);
    expect(isPrivateAddress('db.localhost')).toBe(true);
    expect(isLocalhostName('Localhost')).toBe(true);
    expect(isLocalhostName('localhost.example.com')).toBe(false);
    expect(isPrivateAddress('example.com')).toBe(false);
    expect(isPrivateAddress('')).toBe(false);
  });
});

describe('address parsing', () => {
  it('reads IPv4 in one to four parts, decimal, octal or hex', () => {
    expect(parseIPv4('127.0.0.1')).toBe(0x7f000001);
    expect(parseIPv4('127.1')).toBe(0x7f000001);
    expect(parseIPv4('0x7f.1')).toBe(0x7f000001);
    expect(parseIPv4('2130706433')).toBe(0x7f000001);
    expect(parseIPv4('0x7f000001')).toBe(0x7f000001);
    expect(parseIPv4('017700000001')).toBe(0x7f000001);
    expect(parseIPv4('10.0x10.1')).toBe(0x0a100001);
    expect(parseIPv4('256.0.0.1')).toBeNull();
    expect(parseIPv4('4294967296')).toBeNull();
    expect(parseIPv4('1.2.3.4.5')).toBeNull();
    expect(parseIPv4('08.1.1.1')).toBeNull();
    expect(parseIPv4('example')).toBeNull();
  });

  it('reads IPv6 in its compressed, full and dotted-tail forms', () => {
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('fe80::1:2')).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2]);
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const bad of ['1:2:3:4:5:6:7', '1::2::3', ':::', '1:2:3:4:5:6:7:8:9', '12345::', '::1.2.3', '::256.1.1.1', 'g::1', '1.2.3.4']) {
      expect(parseIPv6(bad), bad).toBeNull();
    }
  });
});

describe('checking a webhook address', () => {
  it('refuses the tricky loopback forms without a lookup, and takes them when private addresses are allowed', async () => {
    for (const url of ['http://[::ffff:127.0.0.1]/', 'http://0x7f.1/', 'http://2130706433/', 'http://127.1/', 'http://localhost./']) {
      expect(await checkWebhookAddress(url, { allowPrivate: false }), url).toMatchObject({ ok: false, why: 'webhook_url_private' });
      expect(await checkWebhookAddress(url, { allowPrivate: true }), url).toMatchObject({ ok: true });
    }
  });

  it("refuses a name that resolves to loopback (this machine's own name, through the system resolver)", async () => {
    const name = hostname();
    const check = await checkWebhookAddress(`http://${name}:9/hook`, { allowPrivate: false });
    expect(check).toEqual({ ok: false, why: 'webhook_url_private', message: expect.stringContaining('private') });
    expect(await checkWebhookAddress(`http://${name}:9/hook`, { allowPrivate: true })).toMatchObject({ ok: true, host: name });
  });

  it('refuses a name that does not resolve', async () => {
    expect(await checkWebhookAddress('https://no-such-host.invalid/', { allowPrivate: false })).toMatchObject({
      ok: false,
      why: 'webhook_url_unresolved',
    });
  });

  it('refuses a name when any of its addresses is private, and takes one whose addresses are all public', async () => {
    // No public DNS here: a resolver's answers stand in for a name with several addresses.
    const answers: Record<string, string[]> = {
      'mixed.example': ['93.184.216.34', '10.0.0.5'],
      'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
      'mapped.example': ['::ffff:192.168.1.1'],
    };
    const lookup = async (host: string) => answers[host] ?? [];
    expect(await checkWebhookAddress('https://mixed.example/', { allowPrivate: false, lookup })).toMatchObject({
      why: 'webhook_url_private',
    });
    expect(await checkWebhookAddress('https://mapped.example/', { allowPrivate: false, lookup })).toMatchObject({
      why: 'webhook_url_private',
    });
    expect(await checkWebhookAddress('https://public.example/h', { allowPrivate: false, lookup })).toMatchObject({
      ok: true,
      host: 'public.example',
      addresses: answers['public.example'],
    });
    expect(await checkWebhookAddress('https://empty.example/', { allowPrivate: false, lookup })).toMatchObject({
      why: 'webhook_url_unresolved',
    });
  });

  it('judges the form first', async () => {
    expect(await checkWebhookAddress('ftp://example.com/', { allowPrivate: true })).toMatchObject({ why: 'webhook_url_scheme' });
    expect(await checkWebhookAddress('http://u:p@127.0.0.1/', { allowPrivate: true })).toMatchObject({ why: 'webhook_url_userinfo' });
    expect(await checkWebhookAddress('http://8.8.8.8/', { allowPrivate: false })).toEqual({
      ok: true,
      url: new URL('http://8.8.8.8/'),
      host: '8.8.8.8',
      addresses: ['8.8.8.8'],
    });
  });
});
