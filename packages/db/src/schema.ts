import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const cities = pgTable(
  'cities',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [unique('cities_department_name_unique').on(t.departmentId, t.name)],
);

export const restaurants = pgTable(
  'restaurants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 250 }).notNull(),
    address: varchar('address', { length: 250 }).notNull(),
    description: varchar('description', { length: 250 }).notNull(),
    photoUrl: varchar('photo_url', { length: 250 }).notNull(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('restaurants_name_idx').on(t.name),
    index('restaurants_city_idx').on(t.cityId),
    check('restaurants_name_length', sql`char_length(${t.name}) between 2 and 250`),
  ],
);

export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    restaurantId: uuid('restaurant_id')
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    tableLabel: varchar('table_label', { length: 2 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // The table rule: one reservation per table per day, enforced by the database.
    uniqueIndex('reservations_table_per_day').on(t.restaurantId, t.date, t.tableLabel),
    index('reservations_date_idx').on(t.date),
    check(
      'reservations_table_label_normalised',
      sql`char_length(${t.tableLabel}) between 1 and 2 and ${t.tableLabel} = upper(btrim(${t.tableLabel}))`,
    ),
  ],
);

export type Restaurant = typeof restaurants.$inferSelect;
export type NewRestaurant = typeof restaurants.$inferInsert;
export type Reservation = typeof reservations.$inferSelect;
export type City = typeof cities.$inferSelect;
