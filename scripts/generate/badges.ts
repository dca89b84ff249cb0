import { and, asc, eq, sql } from 'drizzle-orm';
import { buildCredential } from '../../server/badges/credential';
import { freeStatusPositions } from '../../server/badges/status-positions';
import { currentSigningKey } from '../../server/badges/keys';
import { badgeUrls } from '../../server/badges/urls';
import { signVcJwt } from '../../server/badges/vc-jwt';
import { addDays, helsinkiDate, helsinkiInstant } from '../../server/calendar/dates';
import { centreBranding } from '../../server/centre/branding';
import { loadConfig } from '../../server/config';
import { badgeApplications, badgeCredentials, badges, roleAssignments, trainingModelVersions, users } from '../../server/db/schema';
import { queryRows } from '../../server/db/query-rows';
import { makeBadgePng } from '../../server/organisations/sample-images';
import { type DataGenerator, activeCentreStaffIds } from './context';
import { organisationCounts } from './organisations';

/** Of the organisations' first admins, those who applied for the admin badge. */
const applicationShare = 0.3;
/** The applications' outcomes in turn, ten at a time: seven approved, one rejected, two waiting (every kind among the first four). */
const outcomeCycle = ['approved', 'waiting', 'approved', 'rejected', 'approved', 'approved', 'waiting', 'approved', 'approved', 'approved'] as const;
const approvedShare = outcomeCycle.filter((o) => o === 'approved').length / outcomeCycle.length;
/** Of the issued credentials in turn, those revoked afterwards: the second and every twentieth after it (5 %). */
const revokedInTurn = (n: number) => n % 20 === 1;
/** Approved training models that get a badge of their own (their register entries get no credentials here: too many to sign). */
const modelBadgeCount = 3;

const hour = 3_600_000;
const day = 24 * hour;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The application badge where the database has none. The demo seed brings its own, also into a
 * database generated before the first start: hence a name of its own.
 */
const applicationBadge = {
  name: { fi: 'Jäsenjärjestön pääkäyttäjä', sv: 'Huvudanvändare i en medlemsorganisation', en: 'Member organisation administrator' },
  description: {
    fi: 'Merkin saaja on hoitanut jäsenjärjestönsä pääkäyttäjän tehtäviä Sivisverkossa: käyttäjät, opintotuntien jaon ja koulutusten raportoinnin.',
    sv: '',
    en: '',
  },
  criteria: { fi: 'Vähintään vuosi jäsenjärjestön pääkäyttäjänä; Opintokeskus hyväksyy hakemuksen.', sv: '', en: '' },
};
const justifications = [
  'Olen hoitanut järjestömme pääkäyttäjän tehtäviä kaksi vuotta: käyttäjät, tuntijaot ja raportit.',
  'Vastaan järjestön koulutusten suunnittelusta ja raportoinnista Sivisverkossa.',
  'Toimin pääkäyttäjänä ja perehdytän piirien yhteyshenkilöt järjestelmän käyttöön.',
  'Olen jakanut opintotunnit yksiköille ja hoitanut kuluselvitykset kolmena vuonna.',
];
const rejectionReasons = [
  'Pääkäyttäjän tehtäviä on hoidettu vasta vähän aikaa; hae uudelleen ensi vuonna.',
  'Hakemuksesta ei selviä, mitä pääkäyttäjän tehtäviä olet hoitanut. Täydennä perustelu ja hae uudelleen.',
];
const revocationReasons = ['Myönnetty väärälle henkilölle.', 'Pääkäyttäjän tehtävät päättyivät ennen myöntämistä.'];

/**
 * Applications for the admin badge from some organisations' first admins, decided by staff: the
 * approved ones with a credential signed as the domain signs it (a few of them revoked later), and
 * badges for a few approved training models.
 */
export const badgesGenerator: DataGenerator = {
  name: 'badges',
  rowCount(scale) {
    return Math.round(organisationCounts(scale).organisationCount * applicationShare * (1 + approvedShare)) + 1 + modelBadgeCount;
  },
  async run(ctx) {
    const staff = await activeCentreStaffIds(ctx.db);
    const staffer = () => (staff.length ? ctx.random.pick(staff) : null);
    const clock = { now: () => ctx.now };
    const urls = badgeUrls(loadConfig().publicUrl);
    // Badges were taken into use two years before the anchor: every badge is defined since then.
    const badgesInUse = new Date(ctx.now.getTime() - 720 * day);

    const [existing] = await ctx.db.select().from(badges).where(eq(badges.awardedFor, 'application')).orderBy(asc(badges.createdAt), asc(badges.id)).limit(1);
    const image = Buffer.from(makeBadgePng()).toString('base64');
    const badge = existing ?? {
      id: ctx.random.uuid(),
      awardedFor: 'application' as const,
      modelId: null,
      ...applicationBadge,
      image,
      createdBy: staff[0] ?? null,
      createdAt: badgesInUse,
      updatedAt: badgesInUse,
    };
    if (!existing) await ctx.insert(badges, [badge]);

    // Models with an approved version, by id (random, but the same for a seed), with the latest approved version's name and criteria.
    const approvedModels = await queryRows<{ modelId: string; name: string; criteria: string; approvedAt: Date }>(
      ctx.db,
      sql`select distinct on (v.model_id) v.model_id as "modelId", v.content->>'name' as name, v.content->>'assessmentCriteria' as criteria,
                 (select min(f.decided_at) from ${trainingModelVersions} f where f.model_id = v.model_id and f.status = 'approved') as "approvedAt"
            from ${trainingModelVersions} v where v.status = 'approved'
           order by v.model_id, v.version desc limit ${modelBadgeCount}`,
    );
    await ctx.insert(
      badges,
      approvedModels.map((m) => {
        const from = Math.max(new Date(m.approvedAt).getTime(), badgesInUse.getTime());
        const createdAt = new Date(from + ctx.random.int(1, Math.floor((ctx.now.getTime() - from) / hour) - 24) * hour);
        return {
          id: ctx.random.uuid(),
          awardedFor: 'model' as const,
          modelId: m.modelId,
          name: { fi: m.name, sv: '', en: '' },
          description: { fi: `Merkin saaja on suorittanut hyväksytysti koulutusmallin ”${m.name}” mukaisen koulutuksen.`, sv: '', en: '' },
          criteria: { fi: m.criteria, sv: '', en: '' },
          image,
          createdBy: staffer(),
          createdAt,
          updatedAt: createdAt,
        };
      }),
    );

    // Each organisation's first active admin, by organisation and user id.
    const admins = await ctx.db
      .selectDistinctOn([roleAssignments.organisationId], { organisationId: roleAssignments.organisationId, userId: users.id, email: users.email, name: users.name, language: users.language })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'org_admin'), eq(users.status, 'active')))
      .orderBy(asc(roleAssignments.organisationId), asc(users.id));
    const applications: (typeof badgeApplications.$inferInsert)[] = [];
    const issued: { applicationId: string; admin: (typeof admins)[number]; issuedAt: Date; revoked: boolean }[] = [];
    for (const admin of admins) {
      if (!admin.organisationId || !ctx.random.chance(applicationShare)) continue;
      const id = ctx.random.uuid();
      const justification = ctx.random.pick(justifications);
      const outcome = outcomeCycle[applications.length % outcomeCycle.length]!;
      if (outcome === 'waiting') {
        applications.push({ id, badgeId: badge.id, userId: admin.userId, organisationId: admin.organisationId, justification, createdAt: new Date(ctx.now.getTime() - ctx.random.int(1, 45 * 24) * hour) });
        continue;
      }
      // Decided a few days after applying, before the anchor.
      const createdAt = new Date(ctx.now.getTime() - ctx.random.int(14 * 24, 600 * 24) * hour);
      const decidedAt = helsinkiInstant(addDays(helsinkiDate(createdAt), ctx.random.int(2, 7)), `${pad(ctx.random.int(9, 15))}:${pad(ctx.random.int(0, 59))}`);
      const approved = outcome === 'approved';
      applications.push({
        id,
        badgeId: badge.id,
        userId: admin.userId,
        organisationId: admin.organisationId,
        justification,
        status: approved ? 'approved' : 'rejected',
        decidedBy: staffer(),
        decidedAt,
        reason: approved ? '' : ctx.random.pick(rejectionReasons),
        createdAt,
      });
      if (approved) issued.push({ applicationId: id, admin, issuedAt: decidedAt, revoked: revokedInTurn(issued.length) });
    }
    await ctx.insert(badgeApplications, applications);
    if (issued.length === 0) return;

    // The credentials' places in the status list, picked as the domain picks them (from the seed's numbers).
    const positions = await freeStatusPositions(ctx.db, issued.length, (below) => ctx.random.int(0, below - 1));
    const key = await currentSigningKey({ db: ctx.db, clock });
    const issuerName = (await centreBranding({ db: ctx.db, clock })).name;
    const credentials: (typeof badgeCredentials.$inferInsert)[] = [];
    for (const [i, c] of issued.entries()) {
      const id = ctx.random.uuid();
      const email = c.admin.email.toLowerCase();
      const statusListIndex = positions[i]!;
      const credential = buildCredential({ id, badge, recipientEmail: email, issuedAt: c.issuedAt, statusListIndex, issuerName, language: c.admin.language, urls });
      const revokedAt = c.revoked ? new Date(c.issuedAt.getTime() + ctx.random.int(1, Math.floor((ctx.now.getTime() - c.issuedAt.getTime()) / day) - 1) * day) : null;
      credentials.push({
        id,
        badgeId: badge.id,
        recipientEmail: email,
        recipientName: c.admin.name,
        language: c.admin.language,
        organisationId: c.admin.organisationId,
        applicationId: c.applicationId,
        statusListIndex,
        jwt: await signVcJwt(credential, key, urls),
        issuedAt: c.issuedAt,
        revokedAt,
        revokedBy: revokedAt ? staffer() : null,
        revocationReason: revokedAt ? ctx.random.pick(revocationReasons) : '',
      });
    }
    await ctx.insert(badgeCredentials, credentials);
  },
};
