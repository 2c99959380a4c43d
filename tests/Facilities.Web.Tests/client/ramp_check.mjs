// Runs the map app's own ramp.js (not a copy) on the numbers a test gives it, so the C# styles can be compared with
// what the browser draws. Input on stdin: { "sets": [[values]], "wards": [properties], "field": "deficit_rooms" }.
// Output: the palette constants, the classes of every set, and each ward's colour as the app's choropleth gives it
// (classes from the wards with school data, as main.js does). Decides nothing itself.
import { readFileSync } from 'node:fs';
import {
  classify, isNoData, wardColour, CIVIDIS_4, NO_DATA, NO_DATA_LINE, NO_SHORTAGE, OKABE_ITO, UNKNOWN, VIRIDIS_5,
} from '../../../src/Facilities.Web/client/src/ramp.js';

const input = JSON.parse(readFileSync(0, 'utf8'));
const wards = input.wards || [];
const field = input.field || 'deficit_rooms';
const wardClasses = classify(wards.filter((p) => !isNoData(p)).map((p) => p[field]));
process.stdout.write(JSON.stringify({
  palette: { VIRIDIS_5, NO_SHORTAGE, UNKNOWN, NO_DATA, NO_DATA_LINE, CIVIDIS_4, OKABE_ITO },
  sets: (input.sets || []).map((values) => classify(values)),
  wardColours: wards.map((p) => wardColour(wardClasses, p, field)),
}));
