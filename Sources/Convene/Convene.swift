// The library users import: every pure-Swift target of the data flow, re-exported, so that
// `import Convene` gives the whole planner API whichever target a type lives in. GLPK's backend
// is apart (`import ConveneGLPK`), so that this builds anywhere.
@_exported import ConveneCore
@_exported import ConveneExplain
@_exported import ConveneFormats
@_exported import ConveneGenerate
@_exported import ConveneMILP
@_exported import ConveneSearch
