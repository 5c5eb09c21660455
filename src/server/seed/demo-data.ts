// Invented demo people and providers for trying the app out. Every name and address is made up;
// places are fictional or generic, so no real care service is shown with a made-up rating.
import type { ProviderRecord } from '../../shared/briefings/register';
import type { NewUser } from '../auth/users';

export const demoUsers: readonly NewUser[] = [
  { email: 'officer@example.org', password: 'officer-demo-pass', name: 'Olivia Okafor', role: 'officer' },
  { email: 'officer2@example.org', password: 'officer-demo-pass', name: 'Tom Haddad', role: 'officer' },
  { email: 'manager@example.org', password: 'manager-demo-pass', name: 'Priya Shah', role: 'manager' },
  { email: 'qa@example.org', password: 'qa-demo-pass', name: 'Gareth Lloyd', role: 'qa' },
];

/** Team name per email (qa@ is in no team); the manager manages their team. */
export const demoTeams: Readonly<Record<string, string>> = {
  'officer@example.org': 'Contracts North',
  'manager@example.org': 'Contracts North',
  'officer2@example.org': 'Contracts South',
};
export const demoTeamManagers: Readonly<Record<string, string>> = { 'Contracts North': 'manager@example.org' };

export type DemoProvider = Omit<
  ProviderRecord,
  'lastVisitDate' | 'nextVisitDue' | 'allocatedOfficerId' | 'ragChangedAt'
> & {
  officerEmail: string;
};

type Row = [
  id: string,
  name: string,
  type: ProviderRecord['serviceType'],
  address: string,
  rag: ProviderRecord['rag'],
  level: number,
  manager: string,
  capacity: number | null,
  officer: 1 | 2,
];

const rows: Row[] = [
  [
    'willow-bank',
    'Willow Bank Care Home',
    'care-home',
    '14 Mill Lane, Ashby Green, AG3 4LT',
    'green',
    3,
    'Margaret Ellison',
    32,
    1,
  ],
  [
    'hartwell-lodge',
    'Hartwell Lodge Nursing Home',
    'nursing-home',
    'Hartwell Road, Kingsmere, KM7 2DP',
    'amber',
    3,
    'David Osei',
    58,
    1,
  ],
  [
    'brightside-home-care',
    'Brightside Home Care Ltd',
    'home-care',
    'Unit 3, Station Yard, Northbrook, NB1 5QR',
    'green',
    3,
    'Sandra Kowalski',
    null,
    1,
  ],
  [
    'the-beeches',
    'The Beeches Residential Home',
    'care-home',
    '22 Church Street, Little Hadley, LH2 8RS',
    'red',
    5,
    'Ian Fairweather',
    24,
    1,
  ],
  [
    'meadowview-court',
    'Meadowview Court',
    'nursing-home',
    '1 Meadow Way, Eastfield, EF4 6JN',
    'amber',
    4,
    'Amina Rahman',
    64,
    2,
  ],
  [
    'oakfield-house',
    'Oakfield House',
    'care-home',
    '7 Oakfield Avenue, Westbury Vale, WV9 1AB',
    'green',
    3,
    'Helen Brooks',
    28,
    1,
  ],
  [
    'riverside-care-services',
    'Riverside Care Services',
    'home-care',
    '45 Quay Street, Harbourside, HB2 3EW',
    'amber',
    3,
    'Kwame Mensah',
    null,
    2,
  ],
  [
    'st-aidans-nursing-home',
    "St Aidan's Nursing Home",
    'nursing-home',
    "St Aidan's Close, Fenwick Marsh, FM5 7PL",
    'green',
    3,
    'Siobhan Walsh',
    45,
    1,
  ],
  [
    'primrose-villa',
    'Primrose Villa',
    'care-home',
    '3 Primrose Hill, Stonebridge, SB6 2HG',
    'red',
    4,
    'Gary Lister',
    19,
    1,
  ],
  [
    'heathcote-manor',
    'Heathcote Manor Care Centre',
    'nursing-home',
    'Heathcote Lane, Upper Thornby, UT1 9XY',
    'amber',
    3,
    'Ruth Adeyemi',
    72,
    2,
  ],
  [
    'kindred-homecare',
    'Kindred Homecare Partnership',
    'home-care',
    'Suite 12, Enterprise House, Milltown, MT4 8BN',
    'green',
    3,
    'Paul Nowak',
    null,
    1,
  ],
  [
    'laurel-gardens',
    'Laurel Gardens',
    'care-home',
    '60 Laurel Road, Brookhampton, BH3 5TS',
    'green',
    3,
    'Janet Moss',
    36,
    1,
  ],
  [
    'ashdown-view',
    'Ashdown View Nursing Home',
    'nursing-home',
    '9 Ridge Road, Highcombe, HC8 4WF',
    'red',
    5,
    'Neil Chatterjee',
    50,
    2,
  ],
  [
    'cornerstone-support',
    'Cornerstone Support at Home',
    'home-care',
    '18 Market Place, Ellingford, EL2 1MJ',
    'amber',
    4,
    'Lucy Hargreaves',
    null,
    1,
  ],
  [
    'the-old-rectory',
    'The Old Rectory Care Home',
    'care-home',
    'Rectory Lane, Netherby Cross, NC7 3UD',
    'green',
    3,
    'Edward Pike',
    22,
    1,
  ],
  [
    'sunnyside-lodge',
    'Sunnyside Lodge',
    'care-home',
    '27 Coronation Road, Southwold Park, SP5 6GE',
    'amber',
    3,
    'Fatima Begum',
    40,
    1,
  ],
  // Supported living (people with their own tenancies): monitored at level 3 or above, as residential care.
  [
    'elmstead-supported-living',
    'Elmstead Supported Living',
    'supported-living',
    '2-8 Elmstead Close, Ashby Green, AG5 2NP',
    'green',
    3,
    'Grace Whitfield',
    6,
    1,
  ],
  // Preventative contracts, not registered with CQC and giving no personal care: monitored at levels
  // 1 and 2 by an annual desk review and sample visits (seed 004 §3, §19a).
  [
    'crossroads-day-centre',
    'Crossroads Day Centre',
    'day-service',
    'The Old School, Station Road, Kingsmere, KM7 4RT',
    'green',
    1,
    'Alan Tremayne',
    30,
    1,
  ],
  [
    'northbrook-advice',
    'Northbrook Advice and Advocacy',
    'advice-advocacy',
    '5 High Street, Northbrook, NB1 2AA',
    'amber',
    2,
    'Rosa Delgado',
    null,
    2,
  ],
];

/** Service types CQC does not register (seed 004 §3): no CQC location id, no CQC inspection. */
export const NOT_CQC_REGISTERED: ReadonlySet<ProviderRecord['serviceType']> = new Set([
  'day-service',
  'advice-advocacy',
]);

const RAG_REASONS = {
  green: 'Good CQC rating and no open concerns at the last review.',
  amber: 'Open complaints and an action plan in progress after the last visit.',
  red: 'Safeguarding concerns and a CQC rating of requires improvement; embargo on new placements under review.',
} as const;

export const demoProviders: readonly DemoProvider[] = rows.map(
  ([id, name, serviceType, address, rag, monitoringLevel, manager, capacity, officer], i) => ({
    id,
    name,
    cqcLocationId: NOT_CQC_REGISTERED.has(serviceType)
      ? null
      : serviceType === 'home-care'
        ? `1-${String(5_200_000_000 + i * 7_919_113).slice(0, 10)}`
        : `1-${String(100_000_000 + i * 53_218_771).slice(0, 9)}`,
    serviceType,
    address,
    registeredManager: manager,
    capacity,
    contract: {
      reference: `ASC-${2022 + (i % 3)}-${String(101 + i * 7).padStart(4, '0')}`,
      annualValue: capacity === null ? 180_000 + i * 12_500 : capacity * 38_000,
      start: `${2022 + (i % 3)}-04-01`,
      end: `${2027 + (i % 2)}-03-31`,
    },
    officerEmail: officer === 1 ? 'officer@example.org' : 'officer2@example.org',
    rag,
    ragReason: RAG_REASONS[rag],
    monitoringLevel,
  }),
);
