/**
 * Labels of the Rapport menu items whose sidebars live in their own domains. Sidebars built
 * later (Surveys, Segments, Client card) use these keys for their menu items rather than adding
 * their own.
 */
export const menuEn = {
  "ui.menu.dashboard": "Dashboard",
  "ui.menu.surveys": "Surveys",
  "ui.menu.segments": "Segments",
  "ui.menu.clientCard": "Client card",
} as const;
