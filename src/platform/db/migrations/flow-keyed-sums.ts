// The bodies of the functions that keep a histogram "as changes per local day plus monthly checkpoints" under the
// flow table's keys (stat_flow_meta: time zone and child-exploitation codes), shared by migrations 0051 (backlog by
// FIR month) and 0052 (cases by status by reported month). Each such histogram has four tables named from its prefix:
//   <prefix>_parts        each case's own changes (so a refresh subtracts exactly what it added),
//   <prefix>_daily        their sums per local day and key,
//   <prefix>_months       the months that have a checkpoint,
//   <prefix>_checkpoints  the histogram at each month start (the sum of the daily changes before it);
// and three functions: <prefix>_rebuild(), <prefix>_refresh(ids uuid[]) (cases locked by the caller) and
// <prefix>_extend_checkpoints(). `parts(filter)` is the SELECT of the parts (case_id, day, <key...>, delta) of the
// cases `filter(column)` selects, reading v_zone and v_codes. A migration's SQL is fixed once applied: a change here
// must leave every earlier migration's text as it was (test/stats/flow-keyed-sums.test.ts pins 0051's).

export interface FlowKeyedSums {
  prefix: string;
  key: readonly string[];
  parts: (filter: (column: string) => string) => string;
}

const keys = 'DECLARE v_zone text; v_codes text[];';
const readKeys = 'SELECT m.time_zone, m.ce_codes INTO v_zone, v_codes FROM stat_flow_meta m LIMIT 1;';

const cols = (alias: string, key: readonly string[]) => key.map((c) => `${alias}.${c}`).join(', ');
const ordinals = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');

/** Every table from the records under the keys of stat_flow_meta (empty when it has none). */
export function rebuildBody(h: FlowKeyedSums): string {
  const key = h.key.join(', ');
  const t = (s: string) => `${h.prefix}_${s}`;
  return `
  ${keys}
  BEGIN
    LOCK TABLE ${t('daily')} IN EXCLUSIVE MODE;
    DELETE FROM ${t('checkpoints')}; DELETE FROM ${t('months')}; DELETE FROM ${t('daily')}; DELETE FROM ${t('parts')};
    ${readKeys}
    IF v_zone IS NULL THEN RETURN; END IF;
    INSERT INTO ${t('parts')} (case_id, day, ${key}, delta) ${h.parts(() => 'true')};
    INSERT INTO ${t('daily')} (day, ${key}, delta)
      SELECT day, ${key}, sum(delta) FROM ${t('parts')} GROUP BY day, ${key} HAVING sum(delta) <> 0 ORDER BY day, ${key};
    INSERT INTO ${t('months')} (month)
      SELECT generate_series(date_trunc('month', lo), greatest(date_trunc('month', hi), date_trunc('month', now() AT TIME ZONE v_zone)), interval '1 month')::date
      FROM (SELECT min(day)::timestamp AS lo, max(day)::timestamp AS hi FROM ${t('daily')}) x WHERE lo IS NOT NULL;
    -- The histogram at each month start per key: the running sum of the monthly changes before it, in month order.
    INSERT INTO ${t('checkpoints')} (month, ${key}, n)
      SELECT month, ${key}, n FROM (
        SELECT m.month, ${cols('k', h.key)},
          coalesce(sum(ms.delta) OVER (PARTITION BY ${cols('k', h.key)} ORDER BY m.month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS n
        FROM ${t('months')} m
        CROSS JOIN (SELECT DISTINCT ${key} FROM ${t('daily')}) k
        LEFT JOIN (SELECT date_trunc('month', day)::date AS month, ${key}, sum(delta) AS delta FROM ${t('daily')} GROUP BY ${ordinals(h.key.length + 1)}) ms
          ON ms.month = m.month AND ${h.key.map((c) => `ms.${c} = k.${c}`).join(' AND ')}
      ) x WHERE n <> 0
      ORDER BY month, ${key};
    -- Up to the current month even with no changes yet, so the cases written later move a checkpoint of their own.
    PERFORM ${t('extend_checkpoints')}();
  END`;
}

/** The refresh of the cases in `ids` (locked by the caller): old parts out, new parts in, sums and checkpoints moved. */
export function refreshBody(h: FlowKeyedSums): string {
  const key = h.key.join(', ');
  const t = (s: string) => `${h.prefix}_${s}`;
  const some = (column: string) => `${column} = ANY (ids)`;
  return `
  ${keys}
  BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
    ${readKeys}
    -- No keys: nothing is kept (a rebuild under the new keys writes it all).
    IF v_zone IS NULL THEN RETURN; END IF;
    WITH gone AS (
      DELETE FROM ${t('parts')} p WHERE p.case_id = ANY (ids) RETURNING p.day, ${cols('p', h.key)}, -p.delta AS delta
    ), fresh AS (${h.parts(some)}
    ), diff AS (
      SELECT day, ${key}, sum(delta)::bigint AS delta FROM (
        SELECT day, ${key}, delta FROM gone UNION ALL SELECT day, ${key}, delta FROM fresh
      ) x GROUP BY day, ${key} HAVING sum(delta) <> 0
    ), daily AS (
      INSERT INTO ${t('daily')} AS t (day, ${key}, delta) SELECT day, ${key}, delta FROM diff ORDER BY day, ${key}
      ON CONFLICT (day, ${key}) DO UPDATE SET delta = t.delta + excluded.delta
    )
    INSERT INTO ${t('checkpoints')} AS t (month, ${key}, n)
    SELECT m.month, ${cols('d', h.key)}, sum(d.delta) FROM diff d JOIN ${t('months')} m ON m.month > d.day
    GROUP BY ${ordinals(h.key.length + 1)} ORDER BY ${ordinals(h.key.length + 1)}
    ON CONFLICT (month, ${key}) DO UPDATE SET n = t.n + excluded.n;
    INSERT INTO ${t('parts')} (case_id, day, ${key}, delta) ${h.parts(some)};
  END`;
}

/** Checkpoints up to the current month of the zone (as 0047's); returns the months added. */
export function extendBody(h: FlowKeyedSums): string {
  const key = h.key.join(', ');
  const t = (s: string) => `${h.prefix}_${s}`;
  return `
  ${keys} last date; target date; added int := 0;
  BEGIN
    ${readKeys}
    IF v_zone IS NULL THEN RETURN 0; END IF;
    LOCK TABLE ${t('daily')} IN EXCLUSIVE MODE;
    target := date_trunc('month', now() AT TIME ZONE v_zone)::date;
    SELECT max(m.month) INTO last FROM ${t('months')} m;
    IF last IS NULL THEN
      SELECT coalesce(date_trunc('month', min(d.day))::date, target) INTO last FROM ${t('daily')} d;
      INSERT INTO ${t('months')} (month) VALUES (last);
      INSERT INTO ${t('checkpoints')} (month, ${key}, n)
        SELECT last, ${key}, sum(d.delta) FROM ${t('daily')} d WHERE d.day < last GROUP BY ${key} HAVING sum(d.delta) <> 0;
      added := 1;
    END IF;
    WHILE last < target LOOP
      INSERT INTO ${t('months')} (month) VALUES ((last + interval '1 month')::date);
      INSERT INTO ${t('checkpoints')} (month, ${key}, n)
        SELECT (last + interval '1 month')::date, ${key}, sum(x.n) FROM (
          SELECT ${key}, c.n FROM ${t('checkpoints')} c WHERE c.month = last
          UNION ALL
          SELECT ${key}, d.delta FROM ${t('daily')} d WHERE d.day >= last AND d.day < (last + interval '1 month')::date
        ) x GROUP BY ${key} HAVING sum(x.n) <> 0;
      last := (last + interval '1 month')::date;
      added := added + 1;
    END LOOP;
    RETURN added;
  END`;
}
