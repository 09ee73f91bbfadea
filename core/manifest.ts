// A domain declares itself once (after decidim's component manifest): its pages, the tools it adds to
// the 办事 screen, its subscription templates, whether it has scheduled jobs, and where it keeps
// personal data. `core/domains.ts` lists the domains; the routes, the 办事 screen, the scheduler and
// the privacy export and erasure iterate that list instead of keeping central lists of their own.
import { can, type Access } from './access';
import type { Role } from './roles';
import type { TemplateKey } from './user/contract';

/** A staff or volunteer tool on the 办事 screen, shown to those who may call its action. */
export interface Tool {
  key: string;
  title: string;
  desc: string;
  /** Page under the domain's subpackage, e.g. 'work/index'. */
  page: string;
  /** The action the page is built on: the tool shows to those `can` call it. */
  action: { access: Access };
  /** A reduced form of the tool for those who may call only this action (e.g. read-only). */
  fallback?: { title: string; desc: string; action: { access: Access } };
}

/** The form of a tool a person may use, or null. */
export function toolFor(session: { roles: readonly Role[] } | null | undefined, tool: Tool): { title: string; desc: string } | null {
  if (can(session, tool.action)) return tool;
  if (tool.fallback && can(session, tool.fallback.action)) return tool.fallback;
  return null;
}

/** The 办事 tile of a resident-facing service. */
export interface Service {
  title: string;
  desc: string;
  /** Page under the domain's subpackage; absent while the service is still 建设中. */
  page?: string;
}

/** A value that replaces a personal field when a person erases their account. */
export type Blank = string | null | boolean | number;

/**
 * Where a domain keeps personal data about a user, for export (PIPL art. 45) and erasure (art. 47).
 * `owner` is the field holding the user's id. `erase`: 'delete' removes the documents; an object
 * overwrites the personal fields and keeps the record (figures and the audit trail still add up);
 * `arrays` blanks fields of array elements the person wrote (a timeline entry, say).
 */
export interface PersonalData {
  /** Name of this part in the export (myRequests, registrations, …). */
  key: string;
  collection: string;
  owner: string;
  erase: 'delete' | 'keep' | Record<string, Blank>;
  arrays?: ReadonlyArray<{ field: string; owner: string; set: Record<string, Blank> }>;
  /** Fields left out of the export (secrets). */
  omit?: readonly string[];
  /** Only these fields are exported: the record also holds other people's data (a request one handled). */
  only?: readonly string[];
  /** Why the record is kept (shown in the export and the privacy guide). */
  kept?: string;
}

export interface DomainManifest {
  /** Also the cloud function's name and the subpackage root (packages/<name>). */
  name: string;
  title: string;
  service?: Service;
  /** The subpackage's pages, in app.config.ts order. */
  pages: readonly string[];
  tools: readonly Tool[];
  templates: readonly TemplateKey[];
  /** Whether the domain's function registers scheduled jobs (the scheduler runs them). */
  jobs: boolean;
  personalData: readonly PersonalData[];
}

export function defineDomain<M extends DomainManifest>(m: M): M {
  return m;
}

/** The route of a domain's page, as Taro navigates to it. */
export function pageUrl(domain: string, page: string): string {
  return `/packages/${domain}/${page}`;
}
