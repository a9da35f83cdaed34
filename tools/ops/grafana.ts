/**
 * A small builder for Grafana dashboard JSON (schema version 39, Grafana 10/11): rows of time series and stat panels
 * on the Prometheus datasource chosen by the `datasource` variable, so the same files load in the compose stack
 * (datasource uid `prometheus`) and in any cluster's Grafana.
 */
export interface Query {
  expr: string;
  legend: string;
}

export interface PanelSpec {
  title: string;
  description?: string;
  queries: Query[];
  unit?: string;
  /** Grid width out of 24; panels flow left to right. */
  width?: number;
  kind?: 'timeseries' | 'stat';
  stack?: boolean;
}

export interface RowSpec {
  title: string;
  panels: PanelSpec[];
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  rows: RowSpec[];
  /** Template variables after `datasource` (e.g. the service picker). */
  variables?: object[];
}

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const PANEL_HEIGHT = 8;

function panel(spec: PanelSpec, id: number, x: number, y: number, w: number): object {
  const targets = spec.queries.map((q, i) => ({
    refId: String.fromCharCode(65 + i),
    datasource: DATASOURCE,
    expr: q.expr,
    legendFormat: q.legend,
    range: true,
  }));
  const common = {
    id,
    type: spec.kind ?? 'timeseries',
    title: spec.title,
    ...(spec.description && { description: spec.description }),
    datasource: DATASOURCE,
    gridPos: { x, y, w, h: PANEL_HEIGHT },
    targets,
  };
  if (spec.kind === 'stat')
    return {
      ...common,
      fieldConfig: { defaults: { unit: spec.unit ?? 'short', color: { mode: 'thresholds' } }, overrides: [] },
      options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', graphMode: 'none' },
    };
  return {
    ...common,
    fieldConfig: {
      defaults: {
        unit: spec.unit ?? 'short',
        custom: { drawStyle: 'line', lineWidth: 1, fillOpacity: spec.stack ? 30 : 10, stacking: { mode: spec.stack ? 'normal' : 'none' } },
      },
      overrides: [],
    },
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max'] }, tooltip: { mode: 'multi', sort: 'desc' } },
  };
}

export function dashboard(spec: DashboardSpec): object {
  const panels: object[] = [];
  let id = 1;
  let y = 0;
  for (const row of spec.rows) {
    panels.push({ id: id++, type: 'row', title: row.title, collapsed: false, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] });
    y += 1;
    let x = 0;
    for (const p of row.panels) {
      const w = p.width ?? 12;
      if (x + w > 24) {
        x = 0;
        y += PANEL_HEIGHT;
      }
      panels.push(panel(p, id++, x, y, w));
      x += w;
    }
    y += PANEL_HEIGHT;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['suite'],
    timezone: 'utc',
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', label: 'Datasource', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
        ...(spec.variables ?? []),
      ],
    },
    annotations: { list: [] },
    links: [{ title: 'Suite dashboards', type: 'dashboards', tags: ['suite'], asDropdown: true }],
    panels,
  };
}

/** A multi-select variable over the given values (the services of SERVICE_CATALOG), All by default. */
export function customVariable(name: string, label: string, values: readonly string[]): object {
  return {
    name,
    label,
    type: 'custom',
    query: values.join(','),
    multi: true,
    includeAll: true,
    current: { selected: true, text: ['All'], value: ['$__all'] },
    options: [],
    hide: 0,
  };
}
