// Who may use the office pages, mirroring the server's role checks (src/server/*/routes.ts):
// QA and managers add intelligence (one entry or a CSV) and assign visits (a manager only to their
// own team's officers); only QA imports the provider register. Officers never see these pages.
// Kept tiny: the app shell imports it to decide which links to show.
import type { Role } from '../../shared/auth/schema';

export const canUseOffice = (role: Role) => role === 'qa' || role === 'manager';
export const canImportProviders = (role: Role) => role === 'qa';

export const officeProviderPath = (providerId: string) => `/office/providers/${encodeURIComponent(providerId)}`;
export const OFFICE_PATH = '/office';
export const OFFICE_IMPORT_PATH = '/office/import';
