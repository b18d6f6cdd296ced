// What an outside developer writes after `npm install @tablebook/client`: a script that must compile
// and run, and scripts with the mistakes the types must catch. Kept as text, not as files of this
// package, so that the workspace's own typecheck does not read them.

/** A query, a booking, its refusal by reason, and one live event, printed one line each. */
export const GOOD_SCRIPT = `import { createClient, TablebookError, type Reservation } from '@tablebook/client';

const [url = '', token = '', date = ''] = process.argv.slice(2);
const client = createClient({ url, token });

const [city] = await client.city.list.query({ search: 'Leticia' });
if (!city) throw new Error('Leticia is missing');
console.log(\`query: \${city.name}, \${city.deptName}\`);

const restaurant = await client.restaurant.create.mutate({
  name: 'Outside Install',
  address: 'Calle 1 # 2-3',
  description: 'Booked from a tarball',
  photoUrl: 'https://example.com/outside.jpg',
  cityId: city.id,
});
const booked: Reservation = await client.reservation.create.mutate({ restaurantId: restaurant.id, table: 'A1', date });
console.log(\`booking: table \${booked.table} on \${booked.date}\`);

try {
  await client.reservation.create.mutate({ restaurantId: restaurant.id, table: 'A1', date });
  console.log('refusal: none');
} catch (error) {
  if (!(error instanceof TablebookError) || error.reason !== 'TABLE_ALREADY_BOOKED') throw error;
  console.log(\`refusal: \${error.reason} (HTTP \${error.status}, \${error.category})\`);
}

// Live: once the stream is open (its ready notice), another booking arrives as an event.
const live = await new Promise<string>((resolve, reject) => {
  const subscription = client.reservation.onChange.subscribe(
    { restaurantId: restaurant.id, ready: true },
    {
      onData: ({ id, data }) => {
        // A stream that reconnects says ready again (resumed): book only once.
        if (data.type === 'ready' && !data.resumed) {
          client.reservation.create.mutate({ restaurantId: restaurant.id, table: 'B2', date }).catch(reject);
        } else if (data.type === 'created') {
          subscription.unsubscribe();
          resolve(\`\${data.type} table \${data.reservation.table} (event \${id}, \${data.capacity.restaurantRemaining} places left)\`);
        }
      },
      onError: (error) => {
        subscription.unsubscribe();
        reject(error);
      },
    },
  );
});
console.log(\`live: \${live}\`);
`;

export interface BadScript {
  file: string;
  source: string;
  /** The one error tsc must report for it: its code and words of its message. */
  code: string;
  message: RegExp;
}

const clientFor = `import { createClient } from '@tablebook/client';
const client = createClient({ url: 'http://127.0.0.1:5000' });
`;

export const BAD_SCRIPTS: readonly BadScript[] = [
  {
    file: 'misspelt-procedure.ts',
    source: `${clientFor}await client.reservation.creat.mutate({ restaurantId: 'r', table: 'A1', date: '2026-12-24' });\n`,
    code: 'TS2551',
    message: /Property 'creat' does not exist on type .*Did you mean 'create'\?/,
  },
  {
    file: 'wrong-input.ts',
    source: `${clientFor}await client.reservation.create.mutate({ restaurantId: 42, table: 'A1', date: '2026-12-24' });\n`,
    code: 'TS2322',
    message: /Type 'number' is not assignable to type 'string'/,
  },
  {
    file: 'wrong-reason.ts',
    source: `import { TablebookError } from '@tablebook/client';
export const isTaken = (error: unknown) => error instanceof TablebookError && error.reason === 'TABLE_ALREADY_BOKED';
`,
    code: 'TS2367',
    message: /types 'TablebookErrorReason' and '"TABLE_ALREADY_BOKED"' have no overlap/,
  },
];

/**
 * An outsider's strict NodeNext project that checks every package's declaration files (skipLibCheck
 * false): the client's, tRPC's, Node's. TypeScript's own lib files are not checked again
 * (skipDefaultLibCheck: a few seconds of TypeScript 5.9's time, nothing of the package's). tRPC's
 * declarations need the DOM lib (its fetch type names RequestInfo) beside Node's types.
 */
export const GOOD_TSCONFIG = {
  compilerOptions: {
    strict: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    types: ['node'],
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noEmitOnError: true,
    outDir: 'out',
  },
  files: ['good.ts'],
};

/**
 * The mistakes, checked with skipLibCheck as most projects have it: types that silently fell back to
 * `any` (what an unresolvable import gives) would let all three compile.
 */
export const BAD_TSCONFIG = {
  extends: './tsconfig.json',
  compilerOptions: { skipLibCheck: true, noEmit: true },
  files: BAD_SCRIPTS.map((script) => script.file),
};
