import { sql, type SQL } from 'drizzle-orm';

/**
 * The carriers a target may count, over the carriers table named `k`: an operating carrier only once the bureau or its district has verified it on evidence — never on its
 * lead's word alone. Other statuses are as the target's definition filters them (certified is the bureau's act).
 */
export function countedCarrier(k: SQL): SQL {
  return sql`(${k}.status <> 'operating' or ${k}.operating_verified_at is not null)`;
}
