import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distDirectory, packageRoot, runNode } from './support/node-process.ts';

// What users get: the emitted dist/, imported by the package's name.
describe('the built package', () => {
  it('loads with plain node by its name and exports its API', async () => {
    const script = "const client = await import('@tablebook/client'); console.log(JSON.stringify(Object.keys(client)));";
    const { code, stdout, stderr } = await runNode(['--input-type=module', '--eval', script]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      expect.arrayContaining(['createClient', 'TablebookError', 'isTransientFailure', 'DEFAULT_RETRY_OPTIONS']),
    );
  });

  it('ships one declaration file that imports nothing but its own dependencies', () => {
    const declarations = readFileSync(`${distDirectory}/index.d.ts`, 'utf8');
    expect(declarations).toContain('declare function createClient');
    const imported = [...declarations.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (match) => match[1] ?? match[2],
    );
    expect(new Set(imported)).toEqual(new Set(['@trpc/client', '@trpc/server']));
    expect(readdirSync(distDirectory).filter((name) => name.endsWith('.d.ts'))).toEqual(['index.d.ts']);
  });

  // test/dist-types.check.ts, by the workspace's tsc (TypeScript 7, a few seconds): the sources' check
  // (test/public-types.check.ts) cannot see what bundling the declarations did to them.
  it("types the router in dist/index.d.ts exactly as the server's, inputs, outputs and errors", async () => {
    const tsc = `${packageRoot}node_modules/typescript/bin/tsc`;
    const checked = await runNode([tsc, '-p', 'tsconfig.dist-types.json', '--pretty', 'false']);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });

  it('uses no Node built-ins, so it runs in browsers too', () => {
    for (const file of readdirSync(distDirectory).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(`${distDirectory}/${file}`, 'utf8');
      expect(code, file).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b/);
    }
  });
});
