/**
 * Realistic values for the REST contract's examples (the OpenAPI document shows them, and its lint
 * checks them against the schemas), shared so every operation shows the same restaurant.
 */
const restaurantId = '0b5f6c1e-3d2a-4c8e-9f7a-2e1d4b6a8c90';
const reservationId = '7c9e2f4a-1b3d-4e5f-8a6b-9c0d1e2f3a4b';
const date = '2027-03-14';
const stamp = '2027-03-01T15:04:05.000Z';

export const exampleIds = { restaurantId, reservationId, date };

export const exampleCity = { id: 1, name: 'Leticia', deptName: 'Amazonas' };

export const exampleRestaurantFields = {
  name: 'La Cevichería',
  address: 'Calle 39 # 3-56',
  description: 'Ceviches y cocteles',
  photoUrl: 'https://example.com/ceviche.jpg',
  cityId: 1,
  tables: [
    { label: 'A0', seats: 4 },
    { label: 'A1', seats: 2 },
  ],
};

export const exampleRestaurant = {
  id: restaurantId,
  name: exampleRestaurantFields.name,
  address: exampleRestaurantFields.address,
  city: exampleCity,
  photoUrl: exampleRestaurantFields.photoUrl,
  description: exampleRestaurantFields.description,
  tables: exampleRestaurantFields.tables,
  timeZone: 'America/Bogota',
  hours: [
    { day: 'fri', opens: '12:00', closes: '15:00' },
    { day: 'fri', opens: '19:00', closes: '01:00' },
    { day: 'sun', opens: '12:00', closes: '22:00' },
  ],
  specialDates: [{ date: '2027-12-24', hours: [] }],
  slotMinutes: 30,
  turnTimes: [
    { maxPartySize: 2, minutes: 90 },
    { maxPartySize: 4, minutes: 120 },
    { maxPartySize: 20, minutes: 150 },
  ],
  minAdvanceMinutes: 60,
  maxAdvanceDays: 90,
  dailyLimit: null,
  pacing: { intervalMinutes: 30, maxCovers: 20 },
  reminders: [1440, 120],
};

export const exampleRestaurantOnDay = { ...exampleRestaurant, restaurantRemaining: 14, globalRemaining: 19 };

export const exampleReservation = {
  id: reservationId,
  table: 'A0',
  date,
  restaurantId,
  createdAt: stamp,
  updatedAt: stamp,
  status: 'confirmed',
  partySize: 4,
  guestName: 'Ana Gómez',
  guestPhone: '+57 300 123 4567',
  guestEmail: null,
  notes: null,
  cancelReason: null,
  time: '19:30',
  durationMinutes: 120,
  startsAt: `${date}T19:30:00-05:00`,
  endsAt: `${date}T21:30:00-05:00`,
  language: 'es-CO',
};

export const exampleSlots = {
  date,
  timeZone: 'America/Bogota',
  slots: [
    {
      time: '19:00',
      startsAt: `${date}T19:00:00-05:00`,
      endsAt: `${date}T21:00:00-05:00`,
      freeTables: [],
      bookable: false,
      reason: 'NO_TABLE_AVAILABLE',
    },
    { time: '19:30', startsAt: `${date}T19:30:00-05:00`, endsAt: `${date}T21:30:00-05:00`, freeTables: ['A0'], bookable: true },
  ],
};

export const exampleCapacity = { date, restaurantRemaining: 14, globalRemaining: 19 };

export const exampleDayAvailability = {
  ...exampleCapacity,
  freeTables: [{ label: 'A1', seats: 2 }],
  takenTables: ['A0'],
};

export const exampleGuestBooking = {
  id: reservationId,
  restaurantId,
  table: 'A0',
  date,
  time: '19:30',
  durationMinutes: 120,
  startsAt: `${date}T19:30:00-05:00`,
  endsAt: `${date}T21:30:00-05:00`,
  partySize: 4,
  guestName: 'Ana Gómez',
  status: 'confirmed',
  createdAt: stamp,
  language: 'es-CO' as const,
  cancellationCode: '7K2M9QX4PZ1D',
};

export const exampleAdminEvent = { id: 42, type: 'created', reservation: exampleReservation, capacity: exampleCapacity };

export const examplePublicEvent = {
  id: 42,
  type: 'created',
  restaurantId,
  date,
  table: 'A0',
  startsAt: exampleReservation.startsAt,
  endsAt: exampleReservation.endsAt,
  capacity: exampleCapacity,
  takenTables: ['A0'],
};

export const exampleSettings = { globalDailyLimit: 20, restaurantDailyLimit: 15 };
