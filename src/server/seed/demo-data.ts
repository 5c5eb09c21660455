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
    1,
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
    2,
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
    2,
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
    1,
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
    2,
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
    1,
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
    2,
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
];

const RAG_REASONS = {
  green: 'Good CQC rating and no open concerns at the last review.',
  amber: 'Open complaints and an action plan in progress after the last visit.',
  red: 'Safeguarding concerns and a CQC rating of requires improvement; embargo on new placements under review.',
} as const;

export const demoProviders: readonly DemoProvider[] = rows.map(
  ([id, name, serviceType, address, rag, monitoringLevel, manager, capacity, officer], i) => ({
    id,
    name,
    cqcLocationId:
      serviceType === 'home-care'
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
