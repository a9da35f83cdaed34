import { getMetadataStorage } from 'class-validator';

type Lookup = (target: object, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

let installed = false;

/**
 * Remembers class-validator's metadata lookup per class. Its getTargetValidationMetadatas walks every
 * decorated class of the process (`instanceof`, for inherited rules) on each object it validates: with a
 * service's few hundred DTO classes that was ~5% of the CPU of a product list request. The answer depends
 * only on the class and the options, and changes only when a decorator registers more rules (a module
 * loaded later), which empties the memory. Installed once, by the platform's validation pipe.
 */
export function cacheValidationMetadataLookups(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: Lookup;
    addValidationMetadata: (metadata: unknown) => void;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let memory = new Map<object, Map<string, unknown[]>>();
  storage.addValidationMetadata = (metadata) => {
    memory = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema) return lookup(target, schema, always, strictGroups, groups);
    const key = `${always ? 1 : 0}${strictGroups ? 1 : 0}${groups?.join('\u0000') ?? ''}`;
    let byOptions = memory.get(target);
    if (!byOptions) memory.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}
