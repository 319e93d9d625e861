import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { MANIFEST_PATH, manifestText } from './custom-elements.js';

describe('custom-elements.json', () => {
  it('is current with the README reference (else: npm run manifest)', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestText());
  });

  it('is named in package.json and shipped', () => {
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
  });

  it('describes <agento-chat> with its attributes, members, events, parts and custom properties', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
    const [element] = manifest.modules[0].declarations;
    expect(element).toMatchObject({ tagName: 'agento-chat', customElement: true, name: 'AgentoChatElement' });
    expect(element.attributes.map((a: { name: string }) => a.name)).toContain('launcher-label');
    expect(element.members.find((m: { name: string }) => m.name === 'send')).toMatchObject({ kind: 'method', parameters: [{ name: 'text', type: { text: 'string' } }] });
    expect(element.members.find((m: { name: string }) => m.name === 'isOpen')).toMatchObject({ readonly: true });
    expect(element.events.map((e: { name: string }) => e.name)).toEqual(['agento-open', 'agento-close', 'agento-message', 'agento-error', 'agento-session']);
    expect(element.cssParts.length).toBeGreaterThan(10);
    expect(element.cssProperties.find((p: { name: string }) => p.name === '--agento-accent')).toMatchObject({ default: '#4f46e5' });
  });
});
