const loose = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * File headers -> field names: the template's mapping first (exact, then ignoring case), else a header
 * that is a field's own name ignoring case, spaces, dashes and underscores ("Min Stock" -> minStock).
 * Remembers the header each field was read from, so an error names the column as the file wrote it.
 */
export class HeaderMapping {
  private readonly cache = new Map<string, string | null>();
  private readonly headers = new Map<string, string>();
  private readonly explicit: Map<string, string>;
  private readonly byLoose: Map<string, string>;

  constructor(mapping: Record<string, string>, fields: string[]) {
    this.explicit = new Map(Object.entries(mapping));
    for (const [h, f] of Object.entries(mapping)) if (!this.explicit.has(h.toLowerCase())) this.explicit.set(h.toLowerCase(), f);
    this.byLoose = new Map(fields.map((f) => [loose(f), f]));
  }

  fieldOf(header: string): string | null {
    let field = this.cache.get(header);
    if (field === undefined) {
      field = this.explicit.get(header) ?? this.explicit.get(header.toLowerCase()) ?? this.byLoose.get(loose(header)) ?? null;
      if (field && !this.byLoose.has(loose(field))) field = null; // a mapping to a field the entity does not have
      this.cache.set(header, field);
      if (field && !this.headers.has(field)) this.headers.set(field, header);
    }
    return field;
  }

  headerOf(field: string): string {
    return this.headers.get(field) ?? field;
  }

  /** The row's cells by field: trimmed text, empty cells left out; `unknown` gets headers no field matches. */
  map(cells: Record<string, string>, unknown: (header: string) => void): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [header, raw] of Object.entries(cells)) {
      const field = this.fieldOf(header);
      if (!field) {
        if (header) unknown(header);
        continue;
      }
      const text = typeof raw === 'string' ? raw.trim() : String(raw);
      if (text !== '') values[field] = text;
    }
    return values;
  }
}
