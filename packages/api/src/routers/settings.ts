import { exampleSettings } from '../examples.ts';
import { settingsOutput, updateSettingsInput } from '../schemas/settings.ts';
import { getStoredLimits, updateStoredLimits } from '../services/settings.ts';
import { adminProcedure } from '../trpc.ts';
import { SETTINGS_DESCRIPTION, SETTINGS_UPDATE_DESCRIPTION } from './descriptions.ts';

const tag = 'settings';
const path = '/admin/settings';

export const settingsRouter = {
  get: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path,
        tag,
        summary: 'The stored daily limits',
        description: SETTINGS_DESCRIPTION,
        successMessage: 'Settings retrieved',
        example: { response: exampleSettings },
      },
    })
    .output(settingsOutput)
    .query(({ ctx }) => getStoredLimits(ctx.db)),

  update: adminProcedure
    .meta({
      rest: {
        method: 'PUT',
        path,
        tag,
        summary: 'Change the stored daily limits',
        description: SETTINGS_UPDATE_DESCRIPTION,
        successMessage: 'Settings updated',
        example: { request: { restaurantDailyLimit: 25 }, response: { ...exampleSettings, restaurantDailyLimit: 25 } },
      },
    })
    .input(updateSettingsInput)
    .output(settingsOutput)
    // The settings row's lock (a real change is also a `limits` event for open streams): bookings
    // read the row, they never lock it.
    .mutation(({ ctx, input }) => updateStoredLimits(ctx.db, input)),
};
