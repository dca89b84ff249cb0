import { asc, eq } from 'drizzle-orm';
import { accountKey } from '../../server/hours/accounts';
import type { AccountSpec } from '../../server/hours/accounts';
import { hourAccounts, hourDecisions, hourProposalLines, hourProposals, hourRequests, hourTransfers, organisations, units, users } from '../../server/db/schema';
import type { TransferKind } from '../../server/hours/ledger';
import type { DataGenerator, GenerateContext } from './context';

const trainingsPerOrganisation = 12;

/** Rows of a consistent ledger built in memory: every withdrawal is checked against its balance. */
class LedgerBuilder {
  accounts: (typeof hourAccounts.$inferInsert)[] = [];
  transfers: (typeof hourTransfers.$inferInsert)[] = [];
  private ids = new Map<string, string>();
  readonly balance = new Map<string, number>();
  constructor(private readonly ctx: GenerateContext) {}

  account(spec: AccountSpec): string {
    const key = `${spec.year}:${accountKey(spec)}`;
    let id = this.ids.get(key);
    if (!id) {
      id = this.ctx.random.uuid();
      this.ids.set(key, id);
      this.accounts.push({ id, year: spec.year, kind: spec.kind, key: accountKey(spec), organisationId: spec.organisationId ?? null, unitId: spec.unitId ?? null, trainingId: spec.trainingId ?? null, drawnFromId: spec.drawnFromId ?? null });
    }
    return id;
  }

  /** Moves up to `hundredths` (what the source holds, unless it is the outside source); returns what moved. */
  move(year: number, kind: TransferKind, from: string, to: string, hundredths: number, at: Date, unlimited = false): number {
    const amount = unlimited ? hundredths : Math.min(hundredths, this.balance.get(from) ?? 0);
    if (amount <= 0) return 0;
    this.balance.set(from, (this.balance.get(from) ?? 0) - amount);
    this.balance.set(to, (this.balance.get(to) ?? 0) + amount);
    this.transfers.push({ year, kind, fromAccountId: from, toAccountId: to, hundredths: amount, at, reason: '' });
    return amount;
  }
}

/**
 * A completed year (the one before the anchor) with grants, an additional grant, allocations to
 * districts, reservations, realisations and returns through the year; the anchor year's submitted
 * proposals (lines delegated to districts) and published grants; decisions for both.
 */
export const hoursGenerator: DataGenerator = {
  name: 'teaching hours ledger',
  rowCount(scale) {
    const organisationCount = Math.max(1, Math.round(100 * scale));
    return organisationCount * (10 + trainingsPerOrganisation * 5);
  },
  async run(ctx) {
    const [author] = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'tiedottaja@sivis-generoitu.example'));
    const members = await ctx.db.select({ id: organisations.id, name: organisations.name, businessId: organisations.businessId }).from(organisations).orderBy(asc(organisations.businessId));
    const allUnits = await ctx.db.select({ id: units.id, organisationId: units.organisationId, kind: units.kind }).from(units).orderBy(asc(units.path));
    const ledger = new LedgerBuilder(ctx);
    const decisions: (typeof hourDecisions.$inferInsert)[] = [];
    const requests: (typeof hourRequests.$inferInsert)[] = [];
    const proposals: (typeof hourProposals.$inferInsert)[] = [];
    const proposalLines: (typeof hourProposalLines.$inferInsert)[] = [];
    const anchor = ctx.now.getUTCFullYear();
    const day = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear, 9));
    for (const year of [anchor - 1, anchor]) {
      const source = ledger.account({ year, kind: 'source' });
      const centre = ledger.account({ year, kind: 'centre' });
      const published = new Date(Date.UTC(year - 1, 10, 25, 10));
      const grants = members.map(() => ctx.random.int(800, 5000) * 100);
      ledger.move(year, 'budget', source, centre, Math.round(grants.reduce((a, b) => a + b, 0) * 1.1), published, true);
      for (const [i, organisation] of members.entries()) {
        const pool = ledger.account({ year, kind: 'pool', organisationId: organisation.id });
        ledger.move(year, 'grant', centre, pool, grants[i]!, published);
        decisions.push({
          id: ctx.random.uuid(),
          year,
          organisationId: organisation.id,
          grantedHundredths: grants[i]!,
          decisionText: 'Opetustunnit myönnetään järjestön koulutussuunnitelman mukaisesti.',
          status: 'published',
          updatedAt: published,
          updatedBy: author?.id ?? null,
          publishedAt: published,
          publishedBy: author?.id ?? null,
          organisationName: organisation.name,
          businessId: organisation.businessId,
          publisherName: author?.name ?? '',
        });
        const orgUnits = allUnits.filter((u) => u.organisationId === organisation.id);
        if (year === anchor) {
          // The anchor year's proposal, submitted the October before: a line for the organisation and some for its units.
          const proposalId = ctx.random.uuid();
          const submitted = new Date(Date.UTC(year - 1, 9, 20, 10));
          proposals.push({ id: proposalId, year, organisationId: organisation.id, status: 'submitted', createdAt: submitted, submittedAt: submitted });
          for (const unit of [null, ...orgUnits.filter((u) => u.kind === 'district').slice(0, 3)]) {
            proposalLines.push({
              id: ctx.random.uuid(),
              proposalId,
              unitId: unit?.id ?? null,
              theme: ctx.random.pick(['Kansalaistoiminta', 'Kulttuuri', 'Järjestötoiminta', 'Luonto']),
              hundredths: ctx.random.int(100, 1500) * 100,
              justification: 'Suunnitellut koulutukset',
              delegated: unit !== null,
              ready: unit !== null,
              updatedAt: submitted,
            });
          }
        }
        // Only the completed year has a year of use behind it; the anchor year has just begun.
        if (year !== anchor - 1) continue;
        // A March application, partly granted, and for some an August return.
        const requested = ctx.random.int(50, 200) * 100;
        const march = day(year, 80);
        const extra = ledger.move(year, 'additionalGrant', centre, pool, Math.round(requested * ctx.random.next()), march);
        requests.push({ id: ctx.random.uuid(), year, organisationId: organisation.id, kind: 'additional', status: 'decided', requestedHundredths: requested, justification: 'Uusia kursseja', grantedHundredths: extra, decisionReason: 'Budjetin mukaan', createdAt: day(year, 75), decidedAt: march });
        const districts = orgUnits.filter((u) => u.kind === 'district');
        const unitAccounts = new Map<string, string>();
        for (const district of districts.filter(() => ctx.random.chance(0.5))) {
          const account = ledger.account({ year, kind: 'unit', organisationId: organisation.id, unitId: district.id });
          unitAccounts.set(district.id, account);
          ledger.move(year, 'allocation', pool, account, Math.round(grants[i]! * 0.15), day(year, ctx.random.int(5, 40)));
        }
        for (let n = 0; n < trainingsPerOrganisation && orgUnits.length > 0; n++) {
          const unit = ctx.random.pick(orgUnits);
          const trainingId = ctx.random.uuid();
          const want = ctx.random.int(10, 80) * 100;
          const drawnFrom = (unitAccounts.get(unit.id) && (ledger.balance.get(unitAccounts.get(unit.id)!) ?? 0) >= want ? unitAccounts.get(unit.id) : pool)!;
          const reserved = ledger.account({ year, kind: 'reserved', organisationId: organisation.id, unitId: unit.id, trainingId, drawnFromId: drawnFrom });
          const reservedOn = ctx.random.int(20, 300);
          const got = ledger.move(year, 'reservation', drawnFrom, reserved, want, day(year, reservedOn));
          if (got === 0 || ctx.random.chance(0.25)) continue;
          const used = ledger.account({ year, kind: 'used', organisationId: organisation.id, unitId: unit.id, trainingId, drawnFromId: drawnFrom });
          const realisedOn = Math.min(364, reservedOn + ctx.random.int(10, 60));
          ledger.move(year, 'realisation', reserved, used, Math.round(got * (0.7 + ctx.random.next() * 0.3)), day(year, realisedOn));
          ledger.move(year, 'release', reserved, drawnFrom, got, day(year, realisedOn));
        }
        if (ctx.random.chance(0.3)) {
          const august = day(year, 230);
          const returned = ledger.move(year, 'return', pool, centre, ctx.random.int(5, 30) * 100, august);
          if (returned > 0) {
            requests.push({ id: ctx.random.uuid(), year, organisationId: organisation.id, kind: 'return', status: 'done', requestedHundredths: returned, justification: 'Jää käyttämättä', createdAt: august, decidedAt: august });
          }
        }
      }
    }
    await ctx.insert(hourAccounts, ledger.accounts);
    await ctx.insert(hourTransfers, ledger.transfers);
    await ctx.insert(hourDecisions, decisions);
    await ctx.insert(hourRequests, requests);
    await ctx.insert(hourProposals, proposals);
    await ctx.insert(hourProposalLines, proposalLines);
  },
};
