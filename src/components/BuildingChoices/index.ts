export { BuildingChoices, toggled, type BuildingChoicesProps } from './BuildingChoices'
