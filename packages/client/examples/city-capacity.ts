// The restaurants of a city with the places still free on a day.
// Usage: TABLEBOOK_URL=http://127.0.0.1:5000 TABLEBOOK_TOKEN=<admin token> node --import tsx examples/city-capacity.ts Leticia 2026-12-24
import { createClient } from '@tablebook/client';

const [cityName = 'Leticia', date = new Date().toISOString().slice(0, 10)] = process.argv.slice(2);
const client = createClient({ url: process.env['TABLEBOOK_URL'] ?? 'http://127.0.0.1:5000', token: process.env['TABLEBOOK_TOKEN'] });

// A name can repeat across departments (Armenia): take every city called exactly so.
const cities = (await client.city.list.query({ search: cityName })).filter((city) => city.name.toLowerCase() === cityName.toLowerCase());
if (cities.length === 0) {
  console.error(`No city is called ${cityName}`);
  process.exit(1);
}
for (const city of cities) {
  const restaurants = await client.restaurant.list.query({ cityId: city.id, date });
  console.log(`${city.name}, ${city.deptName} on ${date}: ${restaurants.length} restaurant(s)`);
  for (const restaurant of restaurants) {
    console.log(`  ${restaurant.name}: ${restaurant.restaurantRemaining} places free (${restaurant.globalRemaining} in the whole system)`);
  }
}
