import type { RestaurantOutput } from '@tablebook/api/shared';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';

interface RestaurantTableProps {
  restaurants: readonly RestaurantOutput[];
  onEdit: (restaurant: RestaurantOutput) => void;
  onDelete: (restaurant: RestaurantOutput) => void;
}

/** Every restaurant with its actions; on a phone each row becomes a card (see the stylesheet). */
export function RestaurantTable({ restaurants, onEdit, onDelete }: RestaurantTableProps) {
  const { t } = useI18n();
  return (
    <table className="data-table manage-table">
      <caption className="visually-hidden">{t.manage.listCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.manage.columns.restaurant}</th>
          <th scope="col">{t.manage.columns.city}</th>
          <th scope="col">{t.manage.columns.address}</th>
          <th scope="col">
            <span className="visually-hidden">{t.manage.columns.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {restaurants.map((restaurant) => (
          <tr key={restaurant.id}>
            <th scope="row">
              <div className="manage-table__name">
                <RestaurantPhoto url={restaurant.photoUrl} name={restaurant.name} decorative className="manage-table__photo" />
                <span>{restaurant.name}</span>
              </div>
            </th>
            <td data-label={t.manage.columns.city}>
              {restaurant.city.name}, {restaurant.city.deptName}
            </td>
            <td data-label={t.manage.columns.address}>{restaurant.address}</td>
            <td className="manage-table__actions-cell">
              <div className="manage-table__actions">
                <Link className="button button--small button--ghost" to={paths.day(restaurant.id)}>
                  {t.manage.tables}
                  <span className="visually-hidden"> — {restaurant.name}</span>
                </Link>
                <Link className="button button--small button--ghost" to={paths.reservations(restaurant.id)}>
                  {t.manage.reservations}
                  <span className="visually-hidden"> — {restaurant.name}</span>
                </Link>
                <button type="button" className="button button--small" onClick={() => onEdit(restaurant)}>
                  {t.manage.edit}
                  <span className="visually-hidden"> — {restaurant.name}</span>
                </button>
                <button type="button" className="button button--small button--danger-ghost" onClick={() => onDelete(restaurant)}>
                  {t.manage.delete}
                  <span className="visually-hidden"> — {restaurant.name}</span>
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
