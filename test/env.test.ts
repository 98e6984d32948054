import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/env';

describe('configuration', () => {
  it('turns ALLOW_LOOPBACK_SOURCES into the list of LOOPBACK_PORTS (the demo newswire by default)', () => {
    expect(loadConfig({ ALLOW_LOOPBACK_SOURCES: 'true' }).ALLOW_LOOPBACK_SOURCES).toEqual([8788]);
    expect(loadConfig({ ALLOW_LOOPBACK_SOURCES: 'true', LOOPBACK_PORTS: '8788, 9000' }).ALLOW_LOOPBACK_SOURCES).toEqual([8788, 9000]);
    expect(loadConfig({ ALLOW_LOOPBACK_SOURCES: 'false', LOOPBACK_PORTS: '9229' }).ALLOW_LOOPBACK_SOURCES).toBe(false);
    expect(() => loadConfig({ LOOPBACK_PORTS: '70000' })).toThrow(/LOOPBACK_PORTS/);
  });

  it('needs both Cloudflare Access settings or neither', () => {
    expect(() => loadConfig({ ACCESS_TEAM_DOMAIN: 'newsroom.cloudflareaccess.com' })).toThrow(ConfigError);
    expect(loadConfig({ ACCESS_TEAM_DOMAIN: 'newsroom.cloudflareaccess.com', ACCESS_AUD: 'a'.repeat(64) }).ACCESS_AUD).toBe('a'.repeat(64));
  });
});
