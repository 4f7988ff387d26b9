import { grantsFor, type Role } from '../../../../core/authz/index.ts';
import { IMPORT_ENTITIES, IMPORT_SPECS, type ImportEntity } from '../../../../core/imports/index.ts';

export { IMPORT_ENTITIES, IMPORT_SPECS, type ImportEntity };

/** The registers a user may import into: the `import.<entity>` permission of core/authz/grants.ts, read as data. */
export function importableEntities(roles: readonly Role[]): ImportEntity[] {
  return IMPORT_ENTITIES.filter((entity) => {
    const grants = grantsFor({ resource: 'import', action: entity });
    return roles.some((r) => grants[r]);
  });
}

export const isImportEntity = (v: string | null): v is ImportEntity => !!v && (IMPORT_ENTITIES as readonly string[]).includes(v);

/** The job kind the server queues for a register (server/imports/kinds.ts). */
export const importJobKind = (entity: ImportEntity) => `import.${entity}`;

export const entityOfJobKind = (kind: string): ImportEntity | undefined => {
  const e = kind.startsWith('import.') ? kind.slice('import.'.length) : null;
  return isImportEntity(e) ? e : undefined;
};
