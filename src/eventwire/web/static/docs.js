// Swagger UI over this server's OpenAPI document (served from the local vendor folder).
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
