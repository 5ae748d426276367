import { ReferenceData1764300000000 } from './1764300000000-reference-data';
import { Requests1764300100000 } from './1764300100000-requests';
import { Accounts1764300200000 } from './1764300200000-accounts';
import { RequestWorkflow1764300300000 } from './1764300300000-request-workflow';
import { Reminders1764300400000 } from './1764300400000-reminders';
import { Demo1764300500000 } from './1764300500000-demo';
import { Secrets1764300600000 } from './1764300600000-secrets';
import { SessionManagement1764300700000 } from './1764300700000-session-management';
import { AuditLog1764300800000 } from './1764300800000-audit-log';
import { DemoReservedDomain1764301200000 } from './1764301200000-demo-reserved-domain';
import { LetterDetails1764400000000 } from './1764400000000-letter-details';
import { ConsequenceTests1764600000000 } from './1764600000000-consequence-tests';
import { ObjectionOfficer1764600000001 } from './1764600000001-objection-officer';
import { RequestActions1764700000000 } from './1764700000000-request-actions';
import { Objections1764800000000 } from './1764800000000-objections';
import { RequestReopening1764800000001 } from './1764800000001-request-reopening';
import { AnnualReports1764900000000 } from './1764900000000-annual-reports';
import { BureauWeeklySummary1765250000000 } from './1765250000000-bureau-weekly-summary';
import { MonevResults1765300000000 } from './1765300000000-monev-results';
import { ScorecardRollups1765400000000 } from './1765400000000-scorecard-rollups';
import { QueueIndexes1765500000000 } from './1765500000000-queue-indexes';
import { ScorecardObjectionRollups1765700000000 } from './1765700000000-scorecard-objection-rollups';
import { QueueCounts1765750000000 } from './1765750000000-queue-counts';
import { Dip1765800000000 } from './1765800000000-dip';
import { Consultations1765900000000 } from './1765900000000-consultations';
import { PublishedAnswers1766000000000 } from './1766000000000-published-answers';
import { DipExemptions1766100000000 } from './1766100000000-dip-exemptions';
import { PublicSearch1766200000000 } from './1766200000000-public-search';
import { DipHistoryByTime1766300000000 } from './1766300000000-dip-history-by-time';

/** Every migration in order; listed here so the same list works compiled and under ts-jest. */
export const MIGRATIONS = [
  ReferenceData1764300000000,
  Requests1764300100000,
  Accounts1764300200000,
  RequestWorkflow1764300300000,
  Reminders1764300400000,
  Demo1764300500000,
  Secrets1764300600000,
  SessionManagement1764300700000,
  AuditLog1764300800000,
  DemoReservedDomain1764301200000,
  LetterDetails1764400000000,
  ConsequenceTests1764600000000,
  ObjectionOfficer1764600000001,
  RequestActions1764700000000,
  Objections1764800000000,
  RequestReopening1764800000001,
  AnnualReports1764900000000,
  BureauWeeklySummary1765250000000,
  MonevResults1765300000000,
  ScorecardRollups1765400000000,
  QueueIndexes1765500000000,
  ScorecardObjectionRollups1765700000000,
  QueueCounts1765750000000,
  Dip1765800000000,
  Consultations1765900000000,
  PublishedAnswers1766000000000,
  DipExemptions1766100000000,
  PublicSearch1766200000000,
  DipHistoryByTime1766300000000,
];
