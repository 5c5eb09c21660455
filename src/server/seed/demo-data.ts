// Invented demo people and providers for trying the app out. Every name and address is made up;
// places are fictional or generic, so no real care service is shown with a made-up rating.
import type { Provider } from '../../shared/schemas';
import type { NewUser } from '../auth/users';

export const demoUsers: readonly NewUser[] = [
  { email: 'officer@example.org', password: 'officer-demo-pass', name: 'Olivia Okafor', role: 'officer' },
  { email: 'officer2@example.org', password: 'officer-demo-pass', name: 'Tom Haddad', role: 'officer' },
  { email: 'manager@example.org', password: 'manager-demo-pass', name: 'Priya Shah', role: 'manager' },
  { email: 'qa@example.org', password: 'qa-demo-pass', name: 'Gareth Lloyd', role: 'qa' },
];

type Row = [id: string, name: string, type: Provider['serviceType'], address: string, rag: Provider['rag'], level: number];

const rows: Row[] = [
  ['willow-bank', 'Willow Bank Care Home', 'care-home', '14 Mill Lane, Ashby Green, AG3 4LT', 'green', 1],
  ['hartwell-lodge', 'Hartwell Lodge Nursing Home', 'nursing-home', 'Hartwell Road, Kingsmere, KM7 2DP', 'amber', 3],
  ['brightside-home-care', 'Brightside Home Care Ltd', 'home-care', 'Unit 3, Station Yard, Northbrook, NB1 5QR', 'green', 2],
  ['the-beeches', 'The Beeches Residential Home', 'care-home', '22 Church Street, Little Hadley, LH2 8RS', 'red', 5],
  ['meadowview-court', 'Meadowview Court', 'nursing-home', '1 Meadow Way, Eastfield, EF4 6JN', 'amber', 4],
  ['oakfield-house', 'Oakfield House', 'care-home', '7 Oakfield Avenue, Westbury Vale, WV9 1AB', 'green', 2],
  ['riverside-care-services', 'Riverside Care Services', 'home-care', '45 Quay Street, Harbourside, HB2 3EW', 'amber', 3],
  ['st-aidans-nursing-home', "St Aidan's Nursing Home", 'nursing-home', "St Aidan's Close, Fenwick Marsh, FM5 7PL", 'green', 1],
  ['primrose-villa', 'Primrose Villa', 'care-home', '3 Primrose Hill, Stonebridge, SB6 2HG', 'red', 4],
  ['heathcote-manor', 'Heathcote Manor Care Centre', 'nursing-home', 'Heathcote Lane, Upper Thornby, UT1 9XY', 'amber', 3],
  ['kindred-homecare', 'Kindred Homecare Partnership', 'home-care', 'Suite 12, Enterprise House, Milltown, MT4 8BN', 'green', 2],
  ['laurel-gardens', 'Laurel Gardens', 'care-home', '60 Laurel Road, Brookhampton, BH3 5TS', 'green', 1],
  ['ashdown-view', 'Ashdown View Nursing Home', 'nursing-home', '9 Ridge Road, Highcombe, HC8 4WF', 'red', 5],
  ['cornerstone-support', 'Cornerstone Support at Home', 'home-care', '18 Market Place, Ellingford, EL2 1MJ', 'amber', 4],
  ['the-old-rectory', 'The Old Rectory Care Home', 'care-home', 'Rectory Lane, Netherby Cross, NC7 3UD', 'green', 2],
  ['sunnyside-lodge', 'Sunnyside Lodge', 'care-home', '27 Coronation Road, Southwold Park, SP5 6GE', 'amber', 3],
];

export const demoProviders: readonly Provider[] = rows.map(([id, name, serviceType, address, rag, monitoringLevel]) => ({
  id,
  name,
  serviceType,
  address,
  rag,
  monitoringLevel,
}));
