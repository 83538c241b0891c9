import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef6ff", 100: "#d9eaff", 500: "#2f6fdb", 600: "#2159bd", 700: "#1c4896", 900: "#172f5c" },
      },
    },
  },
  plugins: [],
} satisfies Config;
