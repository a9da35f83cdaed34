import Handlebars from 'handlebars';
import { templateVariablesFor } from '@suite/contracts/alerting';

type Node = hbs.AST.Node;

/** Helpers a template may call besides variables (Handlebars' built-ins). */
const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/** Top-level variable names a template reads (`{{device.name}}` reads `device`); `this`/`@index` inside blocks are not variables. */
export function templateVariables(source: string): string[] {
  const found = new Set<string>();
  const visit = (node: Node | undefined | null, depth: number): void => {
    if (!node) return;
    const n = node as any;
    switch (node.type) {
      case 'Program':
        n.body.forEach((child: Node) => visit(child, depth));
        return;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const path = n.path;
        const isHelperCall = n.params.length > 0 || (n.hash?.pairs?.length ?? 0) > 0 || node.type !== 'MustacheStatement';
        if (!(isHelperCall && path.type === 'PathExpression' && BUILT_IN_HELPERS.has(path.original))) visit(path, depth);
        n.params.forEach((p: Node) => visit(p, depth));
        n.hash?.pairs?.forEach((pair: any) => visit(pair.value, depth));
        // Inside #each/#with the context changes: names there are the item's fields, not template variables.
        const inner = path.original === 'each' || path.original === 'with' ? depth + 1 : depth;
        visit(n.program, inner);
        visit(n.inverse, depth);
        return;
      }
      case 'PathExpression':
        if (depth === 0 && !n.data && n.parts.length > 0 && !n.this) found.add(n.parts[0]);
        return;
      default:
        return;
    }
  };
  visit(Handlebars.parse(source), 0);
  return [...found];
}

/** The first variable of `sources` that `eventType` does not declare, or a parse error; null when the template is fine. */
export function templateProblem(eventType: string, sources: Record<string, string | undefined>): { field: string; message: string } | null {
  const allowed = new Set(templateVariablesFor(eventType));
  for (const [field, source] of Object.entries(sources)) {
    if (source === undefined) continue;
    let used: string[];
    try {
      used = templateVariables(source);
    } catch (error) {
      return { field, message: `${field} is not a valid template: ${(error as Error).message.split('\n')[0]}` };
    }
    const unknown = used.find((name) => !allowed.has(name));
    if (unknown)
      return { field, message: `${field} uses the unknown variable "${unknown}"; ${eventType} declares: ${[...allowed].join(', ')}` };
  }
  return null;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Strict: a variable missing at render time throws instead of printing nothing. HTML-escaped only for email HTML (not used: plain text). */
export function render(source: string, variables: Record<string, unknown>): string {
  let template = compiled.get(source);
  if (!template) {
    template = Handlebars.compile(source, { strict: true, noEscape: true });
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, template);
  }
  return template(variables);
}

/** Used when no stored template matches the event type, channel and locale. */
export const DEFAULT_TEMPLATE = {
  subject: '[{{priority}}] {{title}}',
  body: '{{message}}',
};
