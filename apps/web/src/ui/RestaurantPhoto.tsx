import { useState } from 'react';

interface RestaurantPhotoProps {
  url: string;
  name: string;
  className?: string;
  /** A thumbnail beside the name already shown in text: hidden from screen readers. */
  decorative?: boolean;
}

/** The restaurant's photo, or its initials on a warm tile when the picture cannot be loaded. */
export function RestaurantPhoto({ url, name, className = '', decorative = false }: RestaurantPhotoProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (failedUrl === url) {
    return (
      <div
        className={`photo photo--placeholder ${className}`}
        {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': name })}
      >
        <span aria-hidden="true">{initialsOf(name)}</span>
      </div>
    );
  }
  return <img className={`photo ${className}`} src={url} alt={decorative ? '' : name} loading="lazy" onError={() => setFailedUrl(url)} />;
}

function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toLocaleUpperCase() ?? '')
    .join('');
}
