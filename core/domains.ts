// The one list of domains. Adding a domain: write core/<domain>/ (contract, rules, manifest),
// cloudfunctions/<domain>/, src/packages/<domain>/, and add its manifest here.
import type { DomainManifest, Service } from './manifest';
import { adminDomain } from './admin/manifest';
import { conventionDomain } from './convention/manifest';
import { eventDomain } from './event/manifest';
import { noticeDomain } from './notice/manifest';
import { requestDomain } from './request/manifest';
import { userDomain } from './user/manifest';
import { volunteerDomain } from './volunteer/manifest';

export const DOMAINS: readonly DomainManifest[] = [userDomain, requestDomain, volunteerDomain, eventDomain, noticeDomain, conventionDomain, adminDomain];

/** Services residents will find on the 办事 screen before their domain lands (shown as 建设中). */
export const PLANNED_SERVICES: ReadonlyArray<Service & { key: string; after: string }> = [
];

/** The functions the scheduler runs jobs in. */
export const JOB_FUNCTIONS: readonly string[] = DOMAINS.filter((d) => d.jobs).map((d) => d.name);
