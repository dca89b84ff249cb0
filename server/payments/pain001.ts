import SEPA from 'sepa';
import type { IsoDate } from '../calendar/dates';
import { normaliseIban } from '../organisations/bank-account';

export interface CreditTransfer {
  creditorName: string;
  iban: string;
  bic: string;
  amountCents: number;
  endToEndId: string;
  remittanceInfo: string;
}

export interface CreditTransferFile {
  messageId: string;
  createdAt: Date;
  executionDate: IsoDate;
  debtor: { name: string; iban: string; bic: string };
  transfers: CreditTransfer[];
}

const helsinkiParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** The library writes dates with the process's local clock: give it a Date whose local fields are Helsinki's. */
function asLocalHelsinki(instant: Date): Date {
  const p = Object.fromEntries(helsinkiParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return new Date(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Euros with two decimals and a point, as ISO 20022 writes amounts: exact from integer cents. */
export const isoAmount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * Text as the file can carry it: composed (NFC), without characters XML forbids (control characters,
 * lone surrogates), cut to `max` without splitting a character — one organisation's odd name must
 * never stop the whole file.
 */
export function fileText(text: string, max: number): string {
  const clean = text.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  const cut = clean.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
/** Names are at most 70 characters in the file. */
const name70 = (name: string) => fileText(name, 70);

/**
 * The ISO 20022 pain.001.001.03 credit-transfer initiation: one payment information block with the
 * centre as debtor, one transaction per organisation. The control sums are checked against the
 * integer-cent total, so a rounding slip in the library can never reach the bank.
 */
export function renderPain001(file: CreditTransferFile): string {
  const doc = new SEPA.Document('pain.001.001.03');
  doc.grpHdr.id = file.messageId;
  doc.grpHdr.created = asLocalHelsinki(file.createdAt);
  doc.grpHdr.initiatorName = name70(file.debtor.name);
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = new Date(Number(file.executionDate.slice(0, 4)), Number(file.executionDate.slice(5, 7)) - 1, Number(file.executionDate.slice(8, 10)));
  info.debtorName = name70(file.debtor.name);
  info.debtorIBAN = normaliseIban(file.debtor.iban) ?? file.debtor.iban;
  info.debtorBIC = file.debtor.bic.toUpperCase();
  doc.addPaymentInfo(info);
  for (const transfer of file.transfers) {
    const tx = info.createTransaction();
    tx.creditorName = name70(transfer.creditorName);
    tx.creditorIBAN = normaliseIban(transfer.iban) ?? transfer.iban;
    tx.creditorBIC = transfer.bic.toUpperCase();
    tx.amount = transfer.amountCents / 100;
    tx.end2endId = transfer.endToEndId;
    tx.remittanceInfo = transfer.remittanceInfo;
    info.addTransaction(tx);
  }
  const xml = doc.toString();
  const total = `<CtrlSum>${isoAmount(file.transfers.reduce((sum, t) => sum + t.amountCents, 0))}</CtrlSum>`;
  if (xml.split(total).length !== 3) throw new Error('The payment file’s control sums do not match the payments.');
  return xml;
}
