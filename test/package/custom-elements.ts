// Builds custom-elements.json (the Custom Elements Manifest, schema 2.1) from the README's
// reference tables, which test/element/reference.test.ts checks against the code. So the manifest,
// the README and the code cannot drift apart: custom-elements.test.ts checks the file is current.
// Write it with `npm run manifest`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { code, table } from '../element/readme-reference.js';

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../custom-elements.json');

/** The parameters' types of the documented methods: the README names them, the types are here. */
const PARAMETER_TYPES: Record<string, string> = { text: 'string' };

/** Markdown of a cell, for a description: `\|` already unescaped, links kept. */
const describe = (cell: string | undefined) => (cell ?? '').trim();

/** `` `a`, `b` `` → `'a' | 'b'`; `boolean`; anything else is a string. */
function attributeType(values: string): string {
  const literals = [...values.matchAll(/`([^`]+)`/g)].map((match) => `'${match[1]}'`);
  if (literals.length) return literals.join(' | ');
  return values.trim() === 'boolean' ? 'boolean' : 'string';
}

export function buildManifest() {
  const attributes = table('Attributes').rows;
  const properties = table('Properties').rows;
  const methods = table('Methods').rows;
  const events = table('Events').rows;
  const parts = table('Parts').rows;
  const cssProperties = table('Custom properties').rows;

  /** Which attribute a property mirrors, from "Mirrors `x`" in its description. */
  const mirrors = (description: string) => /[Mm]irrors `([^`]+)`/.exec(description)?.[1];

  const declaration = {
    kind: 'class',
    name: 'AgentoChatElement',
    tagName: 'agento-chat',
    customElement: true,
    summary: 'A chat with an Agento agent, streamed through your proxy.',
    description: 'A small shell that draws the launcher and loads the chat panel when it is first needed. See the README\u2019s reference.',
    superclass: { name: 'HTMLElement', module: 'global:' },
    attributes: attributes.map(([name, values, fallback, description]) => {
      const attribute = code(name)!;
      const field = properties.find(([, , text]) => mirrors(text ?? '') === attribute);
      return {
        name: attribute,
        type: { text: attributeType(values ?? '') },
        ...(code(fallback) && { default: code(fallback) }),
        description: describe(description),
        ...(field && { fieldName: code(field[0]) }),
      };
    }),
    members: [
      ...properties.map(([name, type, description]) => {
        const readonly = /read-only/.test(type ?? '');
        const attribute = mirrors(description ?? '');
        return {
          kind: 'field',
          name: code(name),
          type: { text: code(type) },
          description: describe(description),
          ...(readonly && { readonly: true }),
          ...(attribute && { attribute, reflects: true }),
        };
      }),
      ...methods.map(([signature, returns, description]) => {
        const [, name, params] = /^(\w+)\((.*)\)$/.exec(code(signature)!)!;
        return {
          kind: 'method',
          name,
          parameters: (params ? params.split(',') : []).map((param) => ({ name: param.trim(), type: { text: PARAMETER_TYPES[param.trim()] ?? 'unknown' } })),
          return: { type: { text: code(returns) } },
          description: describe(description),
        };
      }),
    ],
    events: events.map(([name, className, detail, description]) => ({
      name: code(name),
      type: { text: code(className) },
      description: `${describe(description)} \`detail\`: \`${code(detail)}\`.`,
    })),
    cssParts: parts.map(([name, description]) => ({ name: code(name), description: describe(description) })),
    cssProperties: cssProperties.map(([name, light, dark, description]) => ({
      name: code(name),
      ...(code(light) && { default: code(light) }),
      description: describe(description) + (code(dark) ? ` Dark theme: \`${code(dark)}\`.` : ''),
    })),
  };

  const reference = (module: string) => ({ name: 'AgentoChatElement', module });
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: 'dist/element.js',
        declarations: [declaration],
        exports: [{ kind: 'js', name: 'AgentoChatElement', declaration: reference('dist/element.js') }],
      },
      {
        kind: 'javascript-module',
        path: 'dist/define.js',
        declarations: [],
        exports: [{ kind: 'custom-element-definition', name: 'agento-chat', declaration: reference('dist/element.js') }],
      },
      {
        kind: 'javascript-module',
        path: 'dist/agento-chat.js',
        declarations: [],
        exports: [{ kind: 'custom-element-definition', name: 'agento-chat', declaration: reference('dist/element.js') }],
      },
    ],
  };
}

/** The manifest as written to disk. */
export const manifestText = () => `${JSON.stringify(buildManifest(), null, 2)}\n`;

if (process.argv.includes('--write')) {
  writeFileSync(MANIFEST_PATH, manifestText());
  console.log(`wrote ${MANIFEST_PATH}`);
}
