// throughput.svg: throughput by connection count, one panel per scenario. Tablebook solid red, the
// own-SQL baseline dashed grey, the seed-SQL baseline dashed blue (where the seed has the request);
// above each of ours, its ratio to the own-SQL baseline, and below, to the seed-SQL one.
import { type BenchResults, summarize } from './report.ts';

const OURS = '#c0392b';
const OWN = '#888';
const SEED = '#2471a3';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function svgChart(results: Pick<BenchResults, 'scenarios'>): string {
  const rows = summarize(results);
  const ids = [...new Set(rows.map((row) => row.id))];
  const panelWidth = 300;
  const panelHeight = 200;
  const margin = { left: 50, top: 58, bottom: 40 };
  const width = Math.max(ids.length * panelWidth + 20, 760);
  const height = panelHeight + margin.top + margin.bottom + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="16" font-size="13" font-weight="bold">Throughput (req/s) by connections: Tablebook vs. bare Fastify 5 + pg baselines</text>`,
    `<line x1="10" y1="30" x2="34" y2="30" stroke="${OURS}" stroke-width="2.5"/><text x="38" y="34">Tablebook (above: × own-SQL)</text>`,
    `<line x1="220" y1="30" x2="244" y2="30" stroke="${OWN}" stroke-width="2" stroke-dasharray="5,4"/><text x="248" y="34">own-SQL baseline (the product's statements)</text>`,
    `<line x1="500" y1="30" x2="524" y2="30" stroke="${SEED}" stroke-width="2" stroke-dasharray="2,3"/><text x="528" y="34" fill="${SEED}">seed-SQL baseline (below: × seed)</text>`,
  ];
  ids.forEach((id, panel) => {
    const points = rows.filter((row) => row.id === id);
    const values = points.flatMap((row) => [row.productThroughput, row.baselineThroughput, row.seedThroughput]).filter(Number.isFinite);
    const maxY = Math.max(...values, 0) * 1.15 || 1;
    const x0 = panel * panelWidth + margin.left;
    const plotWidth = panelWidth - margin.left - 20;
    const xAt = (index: number) => x0 + (index / Math.max(points.length - 1, 1)) * plotWidth;
    const yAt = (value: number) => margin.top + panelHeight - (value / maxY) * panelHeight;
    /** A polyline through the measured points (a cell not measured breaks it). */
    const path = (series: number[]) => {
      let pen = 'M';
      return series
        .map((value, index) => {
          if (!Number.isFinite(value)) {
            pen = 'M';
            return '';
          }
          const step = `${pen}${xAt(index).toFixed(1)},${yAt(value).toFixed(1)}`;
          pen = 'L';
          return step;
        })
        .join(' ')
        .trim();
    };
    const line = (series: number[], color: string, dash: string, strokeWidth: number) => {
      const d = path(series);
      return d
        ? `<path d="${d}" fill="none" stroke="${color}" stroke-width="${strokeWidth}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
        : '';
    };
    parts.push(
      `<text x="${x0}" y="${margin.top - 10}" font-weight="bold">${escapeXml(points[0]?.title ?? id)}</text>`,
      `<line x1="${x0}" y1="${margin.top + panelHeight}" x2="${x0 + plotWidth}" y2="${margin.top + panelHeight}" stroke="#999"/>`,
      `<line x1="${x0}" y1="${margin.top}" x2="${x0}" y2="${margin.top + panelHeight}" stroke="#999"/>`,
      `<text x="${x0 - 4}" y="${margin.top + 4}" text-anchor="end">${Math.round(maxY)}</text>`,
      `<text x="${x0 - 4}" y="${margin.top + panelHeight}" text-anchor="end">0</text>`,
      line(
        points.map((row) => row.baselineThroughput),
        OWN,
        '5,4',
        2,
      ),
      line(
        points.map((row) => row.seedThroughput),
        SEED,
        '2,3',
        2,
      ),
      line(
        points.map((row) => row.productThroughput),
        OURS,
        '',
        2.5,
      ),
    );
    points.forEach((row, index) => {
      const y = yAt(row.productThroughput);
      // Each baseline's point too: a run at one connection count has no line to show.
      for (const [value, color] of [
        [row.baselineThroughput, OWN],
        [row.seedThroughput, SEED],
      ] as const) {
        if (Number.isFinite(value))
          parts.push(`<circle cx="${xAt(index)}" cy="${yAt(value)}" r="2.5" fill="white" stroke="${color}" stroke-width="1.5"/>`);
      }
      parts.push(
        `<circle cx="${xAt(index)}" cy="${y}" r="3" fill="${OURS}"/>`,
        `<text x="${xAt(index)}" y="${margin.top + panelHeight + 14}" text-anchor="middle">${row.connections}</text>`,
      );
      if (Number.isFinite(row.baselineRatio)) {
        parts.push(`<text x="${xAt(index)}" y="${y - 6}" text-anchor="middle" fill="${OURS}">${row.baselineRatio.toFixed(2)}×</text>`);
      }
      if (Number.isFinite(row.seedRatio)) {
        parts.push(`<text x="${xAt(index)}" y="${y + 14}" text-anchor="middle" fill="${SEED}">${row.seedRatio.toFixed(2)}×</text>`);
      }
    });
    parts.push(`<text x="${x0 + plotWidth / 2}" y="${margin.top + panelHeight + 30}" text-anchor="middle" fill="#555">connections</text>`);
  });
  parts.push('</svg>');
  return parts.filter(Boolean).join('\n');
}
