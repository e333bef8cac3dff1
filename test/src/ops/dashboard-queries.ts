import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The provisioned Grafana dashboard. */
export const DASHBOARD_PATH = 'deploy/monitoring/dashboards/pushstream.json';

/** One query of a dashboard panel (or annotation). */
export interface DashboardQuery {
  /** `<row> / <panel title> / <refId>`, for messages. */
  readonly where: string;
  readonly expr: string;
}

/** A panel as the checks see it. */
export interface DashboardPanel {
  readonly type: string;
  readonly title: string;
  readonly description?: string;
  readonly row: string;
  readonly unit?: string;
  readonly targets: ReadonlyArray<{ readonly refId: string; readonly expr: string }>;
}

interface RawPanel {
  type?: unknown;
  title?: unknown;
  description?: unknown;
  fieldConfig?: { defaults?: { unit?: unknown } };
  targets?: Array<{ refId?: unknown; expr?: unknown }>;
  panels?: RawPanel[];
}

/** The dashboard JSON, parsed. */
export function readDashboard(root: string): {
  readonly json: Record<string, unknown>;
  readonly panels: DashboardPanel[];
  readonly annotations: DashboardQuery[];
} {
  const json = JSON.parse(readFileSync(path.join(root, DASHBOARD_PATH), 'utf8')) as Record<string, unknown>;
  const panels: DashboardPanel[] = [];
  let row = '';
  const visit = (raw: RawPanel) => {
    const type = typeof raw.type === 'string' ? raw.type : '';
    const title = typeof raw.title === 'string' ? raw.title : '';
    if (type === 'row') {
      row = title;
      for (const child of raw.panels ?? []) visit(child);
      return;
    }
    const unit = raw.fieldConfig?.defaults?.unit;
    panels.push({
      type,
      title,
      row,
      ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
      ...(typeof unit === 'string' ? { unit } : {}),
      targets: (raw.targets ?? []).map((target) => ({
        refId: typeof target.refId === 'string' ? target.refId : '?',
        expr: typeof target.expr === 'string' ? target.expr : '',
      })),
    });
  };
  for (const panel of (json.panels ?? []) as RawPanel[]) visit(panel);
  const annotationList =
    (json.annotations as { list?: Array<{ name?: unknown; expr?: unknown }> } | undefined)?.list ?? [];
  const annotations = annotationList
    .filter((annotation) => typeof annotation.expr === 'string')
    .map((annotation) => ({ where: `annotation ${String(annotation.name)}`, expr: String(annotation.expr) }));
  return { json, panels, annotations };
}

/** Every panel query, with where it sits. */
export function panelQueries(panels: readonly DashboardPanel[]): DashboardQuery[] {
  return panels.flatMap((panel) =>
    panel.targets.map((target) => ({
      where: `${panel.row} / ${panel.title} / ${target.refId}`,
      expr: target.expr,
    })),
  );
}

/**
 * A query as Prometheus would receive it from Grafana: template variables replaced (`$__rate_interval` by
 * `rateInterval`, the `service` variable by "all").
 */
export function expandGrafanaVariables(expr: string, rateInterval = '1m'): string {
  return expr
    .replaceAll('$__rate_interval', rateInterval)
    .replaceAll('$__interval', rateInterval)
    .replaceAll('$__range', rateInterval)
    .replaceAll('"$service"', '".+"');
}
